//! Sorting through one shared copy of the standard sort, for the size of the wasm.
//!
//! `slice::sort_by_key` is generic over the element, the key and the closure, so every call
//! site compiles its own copy of the standard library's driftsort (about 3.5 kB of wasm each):
//! 27 call sites made 96.6 kB, a twelfth of the app (issue 15, measured with twiggy). Here the
//! elements are only ever ordered through their indices, with the comparison behind a `&dyn`,
//! so the sort itself is compiled once; what each call site adds is a loop that collects the
//! keys and one that moves the elements into place.
//!
//! Both sorts are stable (equal keys keep their order), like `sort_by_key`; they also serve
//! where an unstable sort was enough. Keys are computed once per element, not per comparison.

use std::cmp::Ordering;

/// Sorts `v` by `key`, stably: `slice::sort_by_key` without a copy of the sort per call site.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = order_by(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(v, &order);
}

/// Sorts `v` with the comparison `cmp`, stably: `slice::sort_by` without a copy of the sort.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` in its natural order: `slice::sort` without a copy of the sort.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` gives them: the one instance of the standard sort.
fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the elements so that position `i` holds what was at `order[i]`, following each cycle
/// of the permutation once.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_equal_keys_in_order() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 5, 8, 20, 33, 100, 257] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items.clone();
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "length {len}");

            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = items.clone();
            std.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std, "length {len}, reversed");

            let mut ours = items.clone();
            sort(&mut ours);
            let mut std = items;
            std.sort();
            assert_eq!(ours, std, "length {len}, natural order");
        }
    }
}
