//! The one problem type: everything that can be wrong with a file, or with getting it.
//!
//! A problem says where (JSON path, line and column), what is wrong and what to do, in Japanese
//! and English. Errors stop a file from being shown; warnings are shown beside the views.

use crate::format::json::{Pos, SyntaxKind};
use crate::model::Lang;

/// How many problems of one kind (and severity) are kept with their path and position.
pub const KEPT_PER_KIND: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// Which kind of id a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Service,
    Actor,
    Phase,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    // Getting the bytes.
    /// `?src=` is not an http(s) URL.
    BadSource(String),
    /// `?src=` (or where it redirected to) is on an origin the deployer did not list.
    SourceNotAllowed(String),
    HttpStatus(u16),
    Network,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    ReadFailed,
    // Reading the text.
    Syntax(SyntaxKind),
    Bom,
    /// The file is in a legacy Japanese encoding and could not be converted here.
    LegacyEncoding(&'static str),
    /// The file was in a legacy Japanese encoding and was converted (by the browser).
    ConvertedEncoding(&'static str),
    // Shape and types.
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    Missing,
    EmptyText,
    UnknownField,
    DuplicateKey,
    UnsupportedVersion(String),
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    NumberOutOfRange {
        min: i64,
        max: i64,
    },
    BothReportAndReports,
    NoReports,
    // Times.
    BadInstant(String),
    MissingOffset(String),
    BadDate(String),
    BadOffset(String),
    /// A `zone` name no tz database here knows: times fall back to `fallback` (shown).
    UnknownZone {
        name: String,
        fallback: String,
    },
    /// A wall-clock time (no offset) the clock skipped at a daylight-saving change; read as
    /// `read_as`.
    SkippedLocalTime {
        time: String,
        read_as: String,
    },
    /// A wall-clock time the clock showed twice; the earlier is taken (`read_as`).
    RepeatedLocalTime {
        time: String,
        read_as: String,
    },
    BadDue(String),
    AtAndDate,
    /// `part` next to an exact `at`: ignored.
    PartWithAt,
    // Meaning.
    EndBeforeStart,
    PhaseOutsidePeriod,
    UnknownRef {
        kind: RefKind,
        id: String,
    },
    DuplicateId(String),
    EtaBeforeAnnouncement,
    EtaMissing,
    EtaOnOtherKind,
    ClosingMismatch {
        opening: &'static str,
        closing: &'static str,
        used: &'static str,
    },
    UnsafeUrl(String),
    UnaffectedButImpacted(String),
    /// `incident` or `timeline` at the top of a history document, where nothing reads it.
    NotInHistory,
    /// Invisible or reordering characters (direction marks and overrides, zero-width spaces …)
    /// were removed from the text (`model::safe::is_hidden_char`).
    BidiControlRemoved,
    /// `"title": null` or `"issued": null`: the report does not state it; nothing is printed
    /// in its place.
    NotStated(&'static str),
    /// A bare date where an instant is expected (`"at": "2026-03-01"`): `date` is the field.
    DateInAt(String),
    /// `"issuer": null`.
    IssuerNull,
    /// One string that lists several items with 、 where a list is expected.
    ListInOneString(String),
    // Importing another format.
    /// A Statuspage file with no incident or maintenance in it.
    NoIncidents,
    /// A Statuspage time that contradicts the others (`started_at` after `resolved_at`, as
    /// incidents entered after the fact have): it is set aside and `used` stands in for it.
    TimeSetAside {
        field: &'static str,
        conflicts: &'static str,
        used: &'static str,
    },
    // Plausibility (only warnings: odd is not wrong).
    /// A date far from the other dates of the document (`from`–`to`).
    FarFromOthers {
        date: String,
        from: String,
        to: String,
    },
    /// An announced recovery time far after its announcement.
    EtaFarAfterAnnouncement {
        eta: String,
        at: String,
    },
    // Floods.
    /// `count` more problems of the kind `code` were found than are listed (see `walk::Problems`).
    More {
        code: &'static str,
        count: u64,
    },
}

/// A count as people read it: 99,900.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// `incident.phases[1].end`; empty for the whole file.
    pub path: String,
    pub pos: Option<Pos>,
    pub kind: ProblemKind,
}

/// What stands in for a Statuspage time set aside (`ProblemKind::TimeSetAside::used`).
fn used_ja(used: &str) -> String {
    match used {
        "first-update" => "最初の更新の日時".into(),
        "resolving-update" => "解決を告げた更新の日時".into(),
        "none" => "終了時刻は記載なしとする扱い".into(),
        field => field.to_string(),
    }
}

fn used_en(used: &str) -> String {
    match used {
        "first-update" => "the first update's time".into(),
        "resolving-update" => "the time of the update that resolved it".into(),
        "none" => "no end (not stated)".into(),
        field => field.to_string(),
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).collect::<String>() + "…"
    }
}

fn type_ja(t: &str) -> &str {
    match t {
        "string" => "文字列",
        "number" => "数値",
        "integer" => "整数",
        "boolean" => "真偽値 (true/false)",
        "array" => "配列 [ … ]",
        "object" => "オブジェクト { … }",
        "null" => "null",
        "string or object" => "文字列またはオブジェクト",
        "string or array" => "文字列または配列",
        "string, object or null" => "文字列・オブジェクト・null のいずれか",
        other => other,
    }
}

fn ref_name(kind: RefKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RefKind::Service, Lang::Ja) => "サービス",
        (RefKind::Actor, Lang::Ja) => "アクター",
        (RefKind::Phase, Lang::Ja) => "フェーズ",
        (RefKind::Service, Lang::En) => "service",
        (RefKind::Actor, Lang::En) => "actor",
        (RefKind::Phase, Lang::En) => "phase",
    }
}

fn ref_list(kind: RefKind) -> &'static str {
    match kind {
        RefKind::Service => "services",
        RefKind::Actor => "actors",
        RefKind::Phase => "incident.phases",
    }
}

impl Problem {
    pub fn error(path: impl Into<String>, pos: Option<Pos>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            pos,
            kind,
        }
    }

    pub fn warning(path: impl Into<String>, pos: Option<Pos>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            pos,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A stable short name of the kind, for tests and for the problems panel's data attributes.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

impl ProblemKind {
    /// See [`Problem::code`].
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            BadSource(_) => "bad-source",
            SourceNotAllowed(_) => "source-not-allowed",
            HttpStatus(_) => "http-status",
            Network => "network",
            TooLarge { .. } => "too-large",
            ReadFailed => "read-failed",
            Syntax(_) => "syntax",
            Bom => "bom",
            LegacyEncoding(_) => "legacy-encoding",
            ConvertedEncoding(_) => "converted-encoding",
            WrongType { .. } => "wrong-type",
            Missing => "missing",
            EmptyText => "empty-text",
            UnknownField => "unknown-field",
            DuplicateKey => "duplicate-key",
            UnsupportedVersion(_) => "unsupported-version",
            NotOneOf { .. } => "not-one-of",
            NumberOutOfRange { .. } => "out-of-range",
            BothReportAndReports => "report-and-reports",
            NoReports => "no-reports",
            BadInstant(_) => "bad-instant",
            MissingOffset(_) => "missing-offset",
            BadDate(_) => "bad-date",
            BadOffset(_) => "bad-offset",
            UnknownZone { .. } => "unknown-zone",
            SkippedLocalTime { .. } => "skipped-local-time",
            RepeatedLocalTime { .. } => "repeated-local-time",
            BadDue(_) => "bad-due",
            AtAndDate => "at-and-date",
            PartWithAt => "part-with-at",
            NotInHistory => "not-in-history",
            BidiControlRemoved => "bidi-control-removed",
            NotStated(_) => "not-stated",
            DateInAt(_) => "date-in-at",
            IssuerNull => "issuer-null",
            ListInOneString(_) => "list-in-one-string",
            EndBeforeStart => "end-before-start",
            PhaseOutsidePeriod => "phase-outside-period",
            UnknownRef { .. } => "unknown-ref",
            DuplicateId(_) => "duplicate-id",
            EtaBeforeAnnouncement => "eta-before-announcement",
            EtaMissing => "eta-missing",
            EtaOnOtherKind => "eta-on-other-kind",
            ClosingMismatch { .. } => "closing-mismatch",
            UnsafeUrl(_) => "unsafe-url",
            UnaffectedButImpacted(_) => "unaffected-but-impacted",
            NoIncidents => "no-incidents",
            TimeSetAside { .. } => "time-set-aside",
            More { .. } => "more",
            FarFromOthers { .. } => "far-from-others",
            EtaFarAfterAnnouncement { .. } => "eta-far-after-announcement",
        }
    }
}

impl Problem {
    /// "incident.phases[1].end (line 12, column 7)" or the localized equivalent.
    pub fn location(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() {
            None
        } else {
            Some(self.path.as_str())
        };
        let pos = self.pos.map(|p| match lang {
            Lang::Ja => format!("{}行 {}列", p.line, p.column),
            Lang::En => format!("line {}, column {}", p.line, p.column),
        });
        match (path, pos) {
            (Some(path), Some(pos)) => format!("{path} ({pos})"),
            (Some(path), None) => path.to_string(),
            (None, Some(pos)) => pos,
            (None, None) => String::new(),
        }
    }

    /// What is wrong and what to do, as one or two sentences.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match lang {
            Lang::Ja => match &self.kind {
                BadSource(s) => format!("読み込み元「{}」は http(s) の URL ではありません。http:// または https:// で始まる URL か相対パスを指定してください。", shorten(s)),
                SourceNotAllowed(o) => format!("「{}」の報告は表示しません。このページと同じサイトの報告だけを表示します。ほかのサイトの報告は、ページの設置者が許可したときだけ表示できます (docs/embedding.md)。", shorten(o)),
                HttpStatus(404) => "ファイルが見つかりません (HTTP 404)。URL のつづりと置き場所を確認してください。".into(),
                HttpStatus(code) => format!("サーバーがエラーを返しました (HTTP {code})。時間をおいて再度お試しください。"),
                Network => "ネットワークエラーで読み込めませんでした。接続、URL、または相手サーバーの CORS 設定を確認してください。".into(),
                TooLarge { bytes, limit } => format!("ファイルが大きすぎます ({} MB、上限 {} MB)。報告を分割してください。", bytes / 1_000_000, limit / 1_000_000),
                ReadFailed => "ファイルを読み取れませんでした。もう一度選択してください。".into(),
                Syntax(k) => format!("JSON の構文エラー: {}。", syntax_ja(k)),
                LegacyEncoding(e) => format!("このファイルは {e} で保存されています (UTF-8 ではありません)。UTF-8 で保存し直してください。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」に、Excel なら「CSV UTF-8」ではなくテキストエディターで UTF-8 を選んで保存します。"),
                ConvertedEncoding(e) => format!("このファイルは {e} で保存されていたため、UTF-8 に変換して読み込みました。文字化けがないか確認し、UTF-8 で保存し直すことをおすすめします (メモ帳なら「名前を付けて保存」で文字コード「UTF-8」)。"),
                Bom => "先頭に BOM (U+FEFF) があります。無視して読み込みましたが、BOM なしの UTF-8 で保存することをおすすめします。".into(),
                WrongType { expected, found } => format!("{}ではなく{}が必要です。", type_ja(found), type_ja(expected)),
                Missing => "必須の項目がありません。追加してください。".into(),
                EmptyText => "空の文字列です。内容を記入してください。".into(),
                UnknownField => "未知の項目です (無視されます)。つづりを確認してください。".into(),
                DuplicateKey => "同じ名前の項目が重複しています。どちらか一方にしてください。".into(),
                UnsupportedVersion(v) => format!("スキーマのバージョン {v} には対応していません。\"version\": 1 を指定してください。"),
                NotOneOf { found, allowed } => format!("「{}」は使えません。次のいずれかを指定してください: {}。", shorten(found), allowed.join(", ")),
                NumberOutOfRange { min, max } => format!("数値が範囲外です。{min} 以上 {max} 以下の整数を指定してください。"),
                BothReportAndReports => "\"report\" と \"reports\" が両方あります。1件なら report、履歴なら reports の一方だけにしてください。".into(),
                NoReports => "\"reports\" が空です。報告を1件以上入れてください。".into(),
                BadInstant(s) => format!("「{}」は日時として読めません。RFC 3339 形式 (例: 2026-03-01T08:55:00+09:00) で書いてください。", shorten(s)),
                MissingOffset(s) => format!("「{}」に時差 (オフセット) がありません。末尾に +09:00 などを付けてください。", shorten(s)),
                BadDate(s) => format!("「{}」は日付として正しくありません。存在する日付を YYYY-MM-DD 形式 (例: 2026-03-04) で書いてください。", shorten(s)),
                BadOffset(s) => format!("「{}」は時差として読めません。+09:00 や -05:00 の形で書いてください。", shorten(s)),
                UnknownZone { name, fallback } => format!("「{}」というタイムゾーンは見つかりません。時刻は{}で表示しています。Asia/Tokyo や America/New_York のような名前か、+09:00 の形で書いてください。", shorten(name), if fallback.is_empty() { "各報告の開始時刻の時差" } else { fallback }),
                SkippedLocalTime { time, read_as } => format!("「{}」は夏時間への切り替えで時計が飛ばした時刻で、実在しません。{read_as}として読みました。時差を付けて書いてください。", shorten(time)),
                RepeatedLocalTime { time, read_as } => format!("「{}」は夏時間の終わりで時計が2度示した時刻です。早い方（{read_as}）として読みました。時差を付けて書くと確実です。", shorten(time)),
                BadDue(s) => format!("「{}」は期日として読めません。YYYY-MM-DD か YYYY-MM (月のみ) で書いてください。", shorten(s)),
                AtAndDate => "\"at\" と \"date\" が両方あります。時刻が分かるなら at、日付だけなら date の一方にしてください。".into(),
                PartWithAt => "\"part\" (時間帯) は時刻 \"at\" と一緒には使われず、無視されます。時刻が分からないときは date と part を使ってください。".into(),
                NotInHistory => "履歴 (reports) の文書では、この項目は各報告の中に書きます。ここにあると無視されます。".into(),
                BidiControlRemoved => "文字の向きを変える制御文字や見えない文字 (U+202E、U+200F、U+200B など) を取り除いて表示します。文面や連絡先が見た目と違って読まれるのを防ぐためです。".into(),
                NotStated("title") => "件名 (title) が記載なしとされています。レターには件名の行を出さず、画面には「件名の記載なし」と表示します。".into(),
                NotStated("issued") => "発信日 (issued) が記載なしとされています。レターには日付の行を出しません。分かる場合は YYYY-MM-DD で書いてください。".into(),
                NotStated(field) => format!("{field} が記載なしとされています。"),
                DateInAt(s) => format!("「{}」は日付だけで時刻がありません。時刻が分からないときは \"at\" の代わりに \"date\": \"{}\" と書いてください。時刻が分かるなら {}T09:00:00+09:00 のように時刻と時差を付けます。", shorten(s), shorten(s), shorten(s)),
                IssuerNull => "発信者 (issuer) が null です。発信者はこの報告を出す会社や部署で、レターの右上 (英語では末尾の署名) に印字されます。\"issuer\": \"株式会社…\" のように会社名を書くか、部署や担当者も書くなら { \"organization\": \"株式会社…\", \"department\": \"…部\" } としてください。履歴 (reports) なら文書の先頭に一度だけ書くこともできます。".into(),
                ListInOneString(s) => format!("「{}」は「、」で区切った一つの文字列です。一項目として印字されます。複数なら [\"…\", \"…\"] のように配列で書いてください。", shorten(s)),
                EndBeforeStart => "終了が開始より前になっています。日時を確認してください。".into(),
                PhaseOutsidePeriod => "このフェーズは障害期間 (incident の start～end) の外にはみ出しています。期間かフェーズの日時を確認してください。".into(),
                UnknownRef { kind, id } => format!("{}「{}」は定義されていません。{} に追加するか、id のつづりを確認してください。", ref_name(*kind, Lang::Ja), shorten(id), ref_list(*kind)),
                DuplicateId(id) => format!("id「{}」が重複しています。id は一意にしてください。", shorten(id)),
                EtaBeforeAnnouncement => "告知された復旧見込み時刻が、告知した時刻より前になっています。eta を確認してください。".into(),
                EtaMissing => "種類が eta (復旧見込みの告知) ですが、見込み時刻 \"eta\" がありません。".into(),
                EtaOnOtherKind => "\"eta\" は種類が eta の出来事でだけ使われます。kind を \"eta\" にしてください。".into(),
                ClosingMismatch { opening, closing, used } => format!("頭語「{opening}」に結語「{closing}」は対応しません。「{used}」で表示します。"),
                UnsafeUrl(s) => format!("「{}」は安全なリンクではないため、文字として表示します。https:// または http:// で始まる URL にしてください。", shorten(s)),
                UnaffectedButImpacted(id) => format!("サービス「{}」は影響なし (unaffected) とされていますが、いずれかのフェーズで影響ありとなっています。", shorten(id)),
                NoIncidents => "Statuspage 形式のファイルですが、インシデントもメンテナンスも含まれていません。incidents.json など、インシデントを含むファイルを指定してください。".into(),
                TimeSetAside { field, conflicts, used } => format!("{field} が {conflicts} と食い違っています (後から登録されたインシデントによくある形です)。{field} は使わず、{}を使いました。", used_ja(used)),
                FarFromOthers { date, from, to } => format!("日付 {date} は、同じ文書のほかの日付 ({from}～{to}) から大きく離れています。年の打ち間違いでないか確認してください (正しければこのままで構いません)。"),
                EtaFarAfterAnnouncement { eta, at } => format!("告知された復旧見込み ({eta}) が、告知した日 ({at}) の1年以上後になっています。年を確認してください (正しければこのままで構いません)。"),
                More { count, .. } => format!("ほかにも同じ種類の問題が {} 件あります (最初の {} 件だけを示しています)。", grouped(*count), KEPT_PER_KIND),
            },
            Lang::En => match &self.kind {
                BadSource(s) => format!("The source \"{}\" is not an http(s) URL. Give a URL starting with http:// or https://, or a relative path.", shorten(s)),
                SourceNotAllowed(o) => format!("Reports from \"{}\" are not shown. This page shows reports from its own site only; another site's reports only when whoever deployed the page allows it (docs/embedding.md).", shorten(o)),
                HttpStatus(404) => "File not found (HTTP 404). Check the URL and where the file is.".into(),
                HttpStatus(code) => format!("The server answered with an error (HTTP {code}). Try again later."),
                Network => "The file could not be downloaded: a network error. Check the connection, the URL, or the server's CORS settings.".into(),
                TooLarge { bytes, limit } => format!("The file is too large ({} MB, the limit is {} MB). Split the report.", bytes / 1_000_000, limit / 1_000_000),
                ReadFailed => "The file could not be read. Choose it again.".into(),
                Syntax(k) => format!("JSON syntax error: {}.", syntax_en(k)),
                LegacyEncoding(e) => format!("This file is saved as {e}, not UTF-8. Save it again as UTF-8: in Notepad, Save As with Encoding \"UTF-8\"; in other editors, choose UTF-8 as the encoding."),
                ConvertedEncoding(e) => format!("This file was saved as {e}; it was converted to UTF-8 to be read. Check the text, and save the file as UTF-8 (in Notepad, Save As with Encoding \"UTF-8\")."),
                Bom => "The file starts with a byte order mark (U+FEFF). It was ignored; saving as UTF-8 without BOM is recommended.".into(),
                WrongType { expected, found } => format!("Expected {expected}, found {found}."),
                Missing => "This required field is missing. Add it.".into(),
                EmptyText => "The text is empty. Write something.".into(),
                UnknownField => "Unknown field (ignored). Check the spelling.".into(),
                DuplicateKey => "This key appears twice in the same object. Keep one.".into(),
                UnsupportedVersion(v) => format!("Schema version {v} is not supported. Use \"version\": 1."),
                NotOneOf { found, allowed } => format!("\"{}\" is not allowed here. Use one of: {}.", shorten(found), allowed.join(", ")),
                NumberOutOfRange { min, max } => format!("Number out of range. Use a whole number from {min} to {max}."),
                BothReportAndReports => "Both \"report\" and \"reports\" are present. Use report for one report, or reports for a history.".into(),
                NoReports => "\"reports\" is empty. Add at least one report.".into(),
                BadInstant(s) => format!("\"{}\" is not a date and time. Use RFC 3339, e.g. 2026-03-01T08:55:00+09:00.", shorten(s)),
                MissingOffset(s) => format!("\"{}\" has no UTC offset. Add one such as +09:00.", shorten(s)),
                BadDate(s) => format!("\"{}\" is not a valid date. Use an existing date as YYYY-MM-DD, e.g. 2026-03-04.", shorten(s)),
                BadOffset(s) => format!("\"{}\" is not a UTC offset. Write it as +09:00 or -05:00.", shorten(s)),
                UnknownZone { name, fallback } => format!("\"{}\" is not a time zone known here; times are shown in {} instead. Write an IANA name such as Asia/Tokyo or America/New_York, or an offset like +09:00.", shorten(name), if fallback.is_empty() { "the offset of each report's start" } else { fallback }),
                SkippedLocalTime { time, read_as } => format!("\"{}\" never happened: the clock skipped it when daylight saving time began. It was read as {read_as}; write the time with its offset.", shorten(time)),
                RepeatedLocalTime { time, read_as } => format!("\"{}\" happened twice: the clock went back when daylight saving time ended. The earlier one was taken ({read_as}); write the time with its offset to be sure.", shorten(time)),
                BadDue(s) => format!("\"{}\" is not a due date. Use YYYY-MM-DD, or YYYY-MM for a month.", shorten(s)),
                AtAndDate => "Both \"at\" and \"date\" are given. Use at when the time is known, date when only the day is.".into(),
                PartWithAt => "\"part\" (part of day) is ignored next to an exact \"at\". Use date with part when the time is not known.".into(),
                NotInHistory => "In a history (reports), this belongs inside each report; here it is ignored.".into(),
                BidiControlRemoved => "Invisible characters and text direction controls (such as U+202E, U+200F, U+200B) were removed, so the text and its links cannot read differently from what they say.".into(),
                NotStated("title") => "The title is marked as not stated (null). The letter has no subject line; the screen shows \"no title stated\".".into(),
                NotStated("issued") => "The issue date is marked as not stated (null). The letter has no date line. If you know it, write it as YYYY-MM-DD.".into(),
                NotStated(field) => format!("{field} is marked as not stated."),
                DateInAt(s) => format!("\"{}\" is a date without a time. When the time is not known, write \"date\": \"{}\" instead of \"at\"; when it is, add the time and offset, e.g. {}T09:00:00+09:00.", shorten(s), shorten(s), shorten(s)),
                IssuerNull => "The issuer is null. The issuer is the company (or department) that issues this report; it is printed at the top right of a Japanese letter and as the signature of an English one. Write \"issuer\": \"Example Inc.\", or { \"organization\": \"Example Inc.\", \"department\": \"…\" }. A history can state it once at the top of the document.".into(),
                ListInOneString(s) => format!("\"{}\" is one string listing several items with 、; it prints as one item. Write a list instead: [\"…\", \"…\"].", shorten(s)),
                EndBeforeStart => "The end is before the start. Check the times.".into(),
                PhaseOutsidePeriod => "This phase extends outside the incident period (incident start to end). Check the phase or the period.".into(),
                UnknownRef { kind, id } => format!("No {} has the id \"{}\". Add it to {} or fix the id.", ref_name(*kind, Lang::En), shorten(id), ref_list(*kind)),
                DuplicateId(id) => format!("The id \"{}\" is used twice. Ids must be unique.", shorten(id)),
                EtaBeforeAnnouncement => "The announced recovery time is before the announcement itself. Check eta.".into(),
                EtaMissing => "The kind is eta (an announced recovery time) but \"eta\" is missing.".into(),
                EtaOnOtherKind => "\"eta\" is only used on events of kind eta. Set kind to \"eta\".".into(),
                ClosingMismatch { opening, closing, used } => format!("The closing {closing} does not pair with the opening {opening}; {used} is used instead."),
                UnsafeUrl(s) => format!("\"{}\" is not a safe link and is shown as text. Use a URL starting with https:// or http://.", shorten(s)),
                UnaffectedButImpacted(id) => format!("Service \"{}\" is listed as unaffected but has an impact in a phase.", shorten(id)),
                NoIncidents => "This Statuspage file contains no incident and no maintenance. Give a file with incidents, such as incidents.json.".into(),
                TimeSetAside { field, conflicts, used } => format!("{field} contradicts {conflicts} (incidents entered after the fact often look like this). {field} is set aside; {} is used instead.", used_en(used)),
                FarFromOthers { date, from, to } => format!("The date {date} is far from the other dates in this document ({from} – {to}). Check the year for a typo (if it is right, nothing needs to change)."),
                EtaFarAfterAnnouncement { eta, at } => format!("The announced recovery time ({eta}) is more than a year after the announcement ({at}). Check the year (if it is right, nothing needs to change)."),
                More { count, .. } => format!("… and {} more of this kind (only the first {} are listed).", grouped(*count), KEPT_PER_KIND),
            },
        }
    }
}

fn syntax_ja(k: &SyntaxKind) -> String {
    match k {
        SyntaxKind::Empty => "ファイルが空です".into(),
        SyntaxKind::Utf16 => "UTF-16 で保存されています。UTF-8 で保存し直してください".into(),
        SyntaxKind::InvalidUtf8(b) => format!("UTF-8 として読めないバイト (0x{b:02X}) があります。ファイルが壊れているか、別の文字コードで保存されています。UTF-8 で保存し直してください"),
        SyntaxKind::UnexpectedEnd => "途中で終わっています (括弧や引用符の閉じ忘れ)".into(),
        SyntaxKind::UnexpectedChar(c) => format!("ここに「{}」は置けません", c.escape_debug()),
        SyntaxKind::ExpectedValue => "値がありません".into(),
        SyntaxKind::ExpectedColon => "キーの後に「:」が必要です".into(),
        SyntaxKind::ExpectedCommaOrEnd(c) => format!("「,」または「{c}」が必要です"),
        SyntaxKind::ExpectedKey => "キーは \"…\" で囲んでください".into(),
        SyntaxKind::TrailingComma => "最後の要素の後に余分な「,」があります".into(),
        SyntaxKind::BadEscape => "文字列のエスケープ (\\…) が正しくありません".into(),
        SyntaxKind::BadNumber => "数値の書き方が正しくありません".into(),
        SyntaxKind::NumberTooLarge => "数値が大きすぎて扱えません (範囲外)".into(),
        SyntaxKind::LoneSurrogate => {
            "対になっていないサロゲート (\\uD800～\\uDFFF) は文字になりません".into()
        }
        SyntaxKind::ControlInString => {
            "文字列の中に改行や制御文字があります。\\n と書いてください".into()
        }
        SyntaxKind::TooDeep => "入れ子が深すぎます (128 段まで)".into(),
        SyntaxKind::TrailingText => "JSON の後に余分な文字があります".into(),
    }
}

fn syntax_en(k: &SyntaxKind) -> String {
    match k {
        SyntaxKind::Empty => "the file is empty".into(),
        SyntaxKind::Utf16 => "the file is UTF-16; save it as UTF-8".into(),
        SyntaxKind::InvalidUtf8(b) => format!("a byte that is not UTF-8 (0x{b:02X}): the file is damaged or in another encoding; save it as UTF-8"),
        SyntaxKind::UnexpectedEnd => "unexpected end (a bracket or quote is not closed)".into(),
        SyntaxKind::UnexpectedChar(c) => format!("unexpected character '{}'", c.escape_debug()),
        SyntaxKind::ExpectedValue => "a value is missing".into(),
        SyntaxKind::ExpectedColon => "expected ':' after the key".into(),
        SyntaxKind::ExpectedCommaOrEnd(c) => format!("expected ',' or '{c}'"),
        SyntaxKind::ExpectedKey => "keys must be in double quotes".into(),
        SyntaxKind::TrailingComma => "a trailing comma after the last element".into(),
        SyntaxKind::BadEscape => "invalid escape in a string".into(),
        SyntaxKind::BadNumber => "invalid number".into(),
        SyntaxKind::NumberTooLarge => "number out of range (too large to hold)".into(),
        SyntaxKind::LoneSurrogate => "an unpaired surrogate (\\uD800-\\uDFFF) is not a character".into(),
        SyntaxKind::ControlInString => {
            "a line break or control character inside a string; write \\n".into()
        }
        SyntaxKind::TooDeep => "nested too deeply (at most 128 levels)".into(),
        SyntaxKind::TrailingText => "extra text after the JSON value".into(),
    }
}
