//! お問い合わせ窓口: the contact block, with links only through `model::safe`.

use super::*;

/// お問い合わせ窓口, each link only through `safe`.
pub(super) fn contact(report: &Report, lang: Lang) -> Option<ContactBlock> {
    let c = report.header.contact.as_ref()?;
    let mut lines = Vec::new();
    let mut plain = |text: String| {
        if !text.trim().is_empty() {
            lines.push(ContactLine {
                label: None,
                text,
                href: None,
            });
        }
    };
    let name: Vec<&str> = [c.organization.as_deref(), c.department.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    plain(name.join(" "));
    let address: Vec<String> = [
        c.postal_code.as_ref().map(|p| match lang {
            Lang::Ja => format!("〒{p}"),
            Lang::En => p.clone(),
        }),
        c.address.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    plain(address.join(" "));
    let mut labelled =
        |ja: &str, en: &str, value: &Option<String>, href: fn(&str) -> Option<String>| {
            if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
                lines.push(ContactLine {
                    label: Some(pick(lang, ja, en)),
                    text: v.clone(),
                    href: href(v),
                });
            }
        };
    labelled("TEL", "Phone", &c.phone, safe::tel);
    labelled("FAX", "Fax", &c.fax, |_| None);
    labelled("E-mail", "Email", &c.email, safe::mailto);
    labelled("URL", "Web", &c.url, |u| {
        safe::is_web_url(u).then(|| u.trim().to_string())
    });
    labelled("受付時間", "Hours", &c.hours, |_| None);
    if lines.is_empty() {
        return None;
    }
    let label = c
        .label
        .clone()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| pick(lang, "お問い合わせ窓口", "Contact"));
    Some(ContactBlock { label, lines })
}
