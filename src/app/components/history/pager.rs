//! The history list's pages: a long history is listed [`PAGE_SIZE`] reports at a time (1,300
//! reports drawn at once were a 225,000 px page of 25,000 nodes). Search and the other filters
//! still look at every report; the pager only chooses which of the matching ones are drawn.
//! Plain buttons, so the keyboard and screen readers use it like any other control; the list
//! takes the focus after a page change so reading goes on from its top.
//!
//! The pager is chrome, left out of print; a printed page of the list says instead which of the
//! reports it holds (「全1300件のうち1～50件目」), so paper never passes one page for the whole.

use yew::prelude::*;

use crate::model::Lang;

/// Reports drawn per page of the list.
pub const PAGE_SIZE: usize = 50;

/// Which page shows the `position`-th report of the list.
pub fn page_of(position: usize, size: usize) -> usize {
    position / size.max(1)
}

/// How many pages `len` reports take.
pub fn pages(len: usize, size: usize) -> usize {
    len.div_ceil(size.max(1)).max(1)
}

/// 「1～50件目」 / "51–100": the reports on a page, 1-based.
pub fn range_text(page: usize, size: usize, len: usize, lang: Lang) -> String {
    let first = page * size + 1;
    let last = ((page + 1) * size).min(len);
    match lang {
        Lang::Ja => format!("{first}～{last}件目"),
        Lang::En => format!("{first}–{last}"),
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct PagerProps {
    pub page: usize,
    pub size: usize,
    pub len: usize,
    pub lang: Lang,
    pub onpage: Callback<usize>,
    /// Top or bottom of the list, to tell the two apart.
    pub place: &'static str,
}

#[function_component]
pub(super) fn Pager(props: &PagerProps) -> Html {
    let lang = props.lang;
    let count = pages(props.len, props.size);
    if count <= 1 {
        return Html::default();
    }
    let page = props.page.min(count - 1);
    let go = |to: usize| {
        let onpage = props.onpage.clone();
        Callback::from(move |_: MouseEvent| onpage.emit(to))
    };
    let n = props.size;
    let (first, prev, next, last) = match lang {
        Lang::Ja => (
            "最新へ".to_string(),
            format!("新しい{n}件"),
            format!("古い{n}件"),
            "最古へ".to_string(),
        ),
        Lang::En => (
            "Newest".to_string(),
            format!("Newer {n}"),
            format!("Older {n}"),
            "Oldest".to_string(),
        ),
    };
    let label = match lang {
        Lang::Ja => format!(
            "報告一覧のページ（{}）",
            if props.place == "top" { "上" } else { "下" }
        ),
        Lang::En => format!("Pages of the report list ({})", props.place),
    };
    let status = match lang {
        Lang::Ja => format!(
            "{} / {}件（{}/{}ページ）",
            range_text(page, n, props.len, lang),
            props.len,
            page + 1,
            count
        ),
        Lang::En => format!(
            "{} of {} (page {} of {})",
            range_text(page, n, props.len, lang),
            props.len,
            page + 1,
            count
        ),
    };
    // Once, above the list; screen readers already have the pager's status.
    let printed = (props.place == "top").then(|| match lang {
        Lang::Ja => format!(
            "この印刷は全{}件のうち{}（{}/{}ページ）です。",
            props.len,
            range_text(page, n, props.len, lang),
            page + 1,
            count
        ),
        Lang::En => format!(
            "This printout lists reports {} of {} (page {} of {}).",
            range_text(page, n, props.len, lang),
            props.len,
            page + 1,
            count
        ),
    });
    html! {
        <>
        if let Some(printed) = printed {
            <p class="hk-history__print-range" aria-hidden="true" data-testid="history-print-range">{ printed }</p>
        }
        <nav class="hk-history__pager hk-chrome" aria-label={label} data-testid="history-pager" data-place={props.place}>
            <button type="button" class="hk-history__page-button" disabled={page == 0} onclick={go(0)}>{ first }</button>
            <button type="button" class="hk-history__page-button" disabled={page == 0}
                data-testid="history-newer" onclick={go(page.saturating_sub(1))}>{ prev }</button>
            <span class="hk-history__page-status" data-testid="history-page">{ status }</span>
            <button type="button" class="hk-history__page-button" disabled={page + 1 >= count}
                data-testid="history-older" onclick={go(page + 1)}>{ next }</button>
            <button type="button" class="hk-history__page-button" disabled={page + 1 >= count} onclick={go(count - 1)}>{ last }</button>
        </nav>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_report_once() {
        assert_eq!(pages(0, 50), 1);
        assert_eq!(pages(50, 50), 1);
        assert_eq!(pages(1300, 50), 26);
        assert_eq!(page_of(0, 50), 0);
        assert_eq!(page_of(49, 50), 0);
        assert_eq!(page_of(50, 50), 1);
        assert_eq!(range_text(25, 50, 1300, Lang::Ja), "1251～1300件目");
        assert_eq!(range_text(1, 50, 60, Lang::En), "51–60");
    }
}
