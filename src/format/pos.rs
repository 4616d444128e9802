//! Where something is in the source text. Its own small module because both the parser
//! (`json`) and the byte-level checks that run before it (`encoding`) give positions.

/// Where a value starts in the source text (1-based, columns counted in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}
