//! The letter's options: how it opens and closes, which items it carries, its form and the
//! style its dates are written in (西暦/和暦, 24-hour or 午前/午後).

/// 頭語 of the letter; the matching 結語 follows from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Opening {
    #[default]
    Haikei,
    Kinkei,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Closing {
    #[default]
    Keigu,
    Kinpaku,
    Keihaku,
}

impl Opening {
    pub fn text(self) -> &'static str {
        match self {
            Opening::Haikei => "拝啓",
            Opening::Kinkei => "謹啓",
        }
    }

    pub fn accepts(self, closing: Closing) -> bool {
        matches!(
            (self, closing),
            (Opening::Haikei, Closing::Keigu)
                | (Opening::Kinkei, Closing::Kinpaku)
                | (Opening::Kinkei, Closing::Keihaku)
        )
    }

    pub fn default_closing(self) -> Closing {
        match self {
            Opening::Haikei => Closing::Keigu,
            Opening::Kinkei => Closing::Kinpaku,
        }
    }
}

impl Closing {
    pub fn text(self) -> &'static str {
        match self {
            Closing::Keigu => "敬具",
            Closing::Kinpaku => "謹白",
            Closing::Keihaku => "敬白",
        }
    }
}

/// Which numbered 記 items the letter shows, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterItem {
    Period,
    Services,
    Impact,
    Cause,
    Actions,
    Measures,
    Data,
    Sections,
    Timeline,
}

impl LetterItem {
    pub const DEFAULT_ORDER: [LetterItem; 9] = [
        LetterItem::Period,
        LetterItem::Services,
        LetterItem::Impact,
        LetterItem::Cause,
        LetterItem::Actions,
        LetterItem::Measures,
        LetterItem::Data,
        LetterItem::Sections,
        LetterItem::Timeline,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LetterItem::Period => "period",
            LetterItem::Services => "services",
            LetterItem::Impact => "impact",
            LetterItem::Cause => "cause",
            LetterItem::Actions => "actions",
            LetterItem::Measures => "measures",
            LetterItem::Data => "data",
            LetterItem::Sections => "sections",
            LetterItem::Timeline => "timeline",
        }
    }

    pub fn from_code(code: &str) -> Option<LetterItem> {
        LetterItem::DEFAULT_ORDER
            .into_iter()
            .find(|i| i.code() == code)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// 西暦
    #[default]
    Gregorian,
    /// 和暦 (令和, 平成, 昭和)
    Japanese,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Clock {
    /// 17時05分
    #[default]
    H24,
    /// 午後5時05分
    H12,
    /// 17:05, as tables in real reports write times
    Hhmm,
}

/// What kind of document the letter view prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Form {
    /// A formal letter: 頭語 … 結語, then 記 … 以上 (Dear Customers, … Sincerely,).
    #[default]
    Letter,
    /// A web notice (お知らせ): no 頭語/結語, no 記/以上, headed sections.
    Notice,
}

/// The one date style a document uses everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateStyle {
    pub calendar: Calendar,
    pub clock: Clock,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterOptions {
    pub form: Form,
    pub opening: Opening,
    pub closing: Closing,
    /// `Some("")` is never stored: `None` = default greeting, `Some(None)` = no greeting.
    pub greeting: Option<Option<String>>,
    pub body: Vec<String>,
    pub closing_paragraph: Option<String>,
    pub items: Vec<LetterItem>,
    pub date_style: DateStyle,
}
