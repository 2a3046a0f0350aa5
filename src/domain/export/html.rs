//! The report and plan as an HTML fragment for printing: semantic elements, every
//! text escaped, class names prefixed `cb-report-`. The area chart is inline SVG
//! (attributes only, no inline styles, so a strict Content-Security-Policy allows it)
//! followed by the same figures as a table. The browser's print view adds its own
//! stylesheet; [`report_html_page`] wraps the fragment in a page for the command line.

use super::{area_label, Report};
use crate::domain::escape::html as esc;
use crate::domain::plan::{grade_label, priority_label, WORDS};
use crate::domain::scoring::LevelStatus;
use crate::domain::text::fill;
use std::fmt::Write;

/// Escaped text with its line breaks kept as `<br>`.
fn lines(s: &str) -> String {
    esc(s).replace("\r\n", "\n").replace('\r', "\n").replace('\n', "<br>")
}

fn table(h: &mut String, class: &str, headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = write!(h, "<table class=\"cb-report-table cb-report-{class}-table\"><thead><tr>");
    for head in headers {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(head));
    }
    h.push_str("</tr></thead><tbody>");
    for row in rows {
        h.push_str("<tr>");
        for cell in row {
            let _ = write!(h, "<td>{cell}</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
}

/// Horizontal bars, one per area, 0–100%.
fn chart(h: &mut String, r: &Report) {
    const ROW: usize = 36;
    const BAR: u32 = 300;
    let height = ROW * r.score.areas.len() + 8;
    let _ = write!(
        h,
        "<svg class=\"cb-report-chart-svg\" role=\"img\" viewBox=\"0 0 620 {height}\" width=\"620\" height=\"{height}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        esc(WORDS.chart_title)
    );
    for (i, a) in r.score.areas.iter().enumerate() {
        let y = i * ROW + 8;
        let width = a.percent.min(100) * BAR / 100;
        let _ = write!(
            h,
            "<text class=\"cb-report-chart-label\" x=\"0\" y=\"{}\" font-size=\"14\" fill=\"#0b0c0c\">{}</text>\
             <rect class=\"cb-report-chart-track\" x=\"230\" y=\"{y}\" width=\"{BAR}\" height=\"22\" fill=\"#f3f2f1\"/>\
             <rect class=\"cb-report-chart-bar\" x=\"230\" y=\"{y}\" width=\"{width}\" height=\"22\" fill=\"#1d70b8\"/>\
             <text class=\"cb-report-chart-value\" x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#0b0c0c\">{}%</text>",
            y + 16,
            esc(area_label(a.area)),
            230 + BAR + 10,
            y + 16,
            a.percent
        );
    }
    h.push_str("</svg>");
}

/// The report as an `<article class="cb-report">` fragment.
pub fn report_html(r: &Report) -> String {
    let w = &WORDS;
    let org = esc(r.organisation());
    let mut h = String::from("<article class=\"cb-report\" lang=\"en\">");

    let _ = write!(
        h,
        "<header class=\"cb-report-cover\"><p class=\"cb-report-kicker\">{}</p><h1 class=\"cb-report-title\">{}</h1>\
         <p class=\"cb-report-prepared\">{}</p>",
        esc(w.report_title),
        fill(&esc(w.report_subtitle), &[("organisation", &org)]),
        r.prepared(&org)
    );
    let _ = write!(
        h,
        "<section class=\"cb-report-levels\"><h2>{}</h2><ul class=\"cb-report-level-list\">",
        esc(w.heading_levels)
    );
    for (line, l) in r.level_lines().iter().zip(&r.score.levels) {
        let status = match l.status {
            LevelStatus::Ready => "ready",
            LevelStatus::OnTrack => "on-track",
            LevelStatus::NotYet => "not-yet",
        };
        let _ = write!(h, "<li class=\"cb-report-level cb-report-level-{status}\">{}</li>", esc(line));
    }
    let _ = write!(
        h,
        "</ul><p class=\"cb-report-overall\">{}</p></section><p class=\"cb-report-independence\">{}</p></header>",
        esc(&r.overall()),
        esc(w.independence)
    );

    let _ = write!(
        h,
        "<section class=\"cb-report-areas\"><h2>{}</h2><figure class=\"cb-report-chart\">",
        esc(w.heading_areas)
    );
    chart(&mut h, r);
    let _ = write!(h, "<figcaption>{}</figcaption></figure>", esc(w.chart_title));
    table(
        &mut h,
        "areas",
        &[w.col_area, w.col_points, w.col_percent],
        r.score.areas.iter().map(|a| {
            vec![
                esc(area_label(a.area)),
                format!("{} / {}", a.points.earned, a.points.available),
                format!("{}%", a.percent),
            ]
        }),
    );
    h.push_str("</section>");

    let _ = write!(h, "<section class=\"cb-report-criteria\"><h2>{}</h2>", esc(w.heading_criteria));
    table(
        &mut h,
        "criteria",
        &[w.col_id, w.col_criterion, w.col_level, w.col_status, w.col_points],
        r.criteria_rows().iter().map(|row| row.iter().map(|c| esc(c)).collect()),
    );
    h.push_str("</section>");

    let _ = write!(h, "<section class=\"cb-report-findings\"><h2>{}</h2>", esc(&r.findings_heading()));
    if r.findings.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(w.no_findings));
    } else {
        table(
            &mut h,
            "findings",
            &[w.col_rule, w.col_grade, w.col_finding],
            r.findings.iter().map(|f| {
                vec![
                    esc(f.rule_id),
                    format!(
                        "<span class=\"cb-report-grade cb-report-grade-{}\">{}</span>",
                        f.grade.id(),
                        esc(grade_label(f.grade))
                    ),
                    format!("<strong>{}</strong> {}", esc(f.title), esc(&f.note)),
                ]
            }),
        );
    }
    h.push_str("</section>");

    let _ = write!(h, "<section class=\"cb-report-plan\"><h2>{}</h2>", esc(&r.plan_heading()));
    if r.plan.actions.is_empty() {
        let _ = write!(h, "<p>{}</p>", esc(w.no_actions));
    } else {
        table(
            &mut h,
            "plan",
            &[w.col_action, w.col_owner, w.col_priority, w.col_dates, w.col_status, w.col_success],
            r.plan.actions.iter().map(|a| {
                let mut action = format!(
                    "<strong class=\"cb-report-action-title\">{}</strong><p class=\"cb-report-action-why\">{}</p>",
                    lines(&a.title),
                    lines(&a.why.text)
                );
                if !a.notes.is_empty() {
                    let _ = write!(
                        action,
                        "<p class=\"cb-report-action-notes\">{}: {}</p>",
                        esc(w.col_notes),
                        lines(&a.notes)
                    );
                }
                vec![
                    action,
                    lines(&a.owner),
                    esc(priority_label(a.priority)),
                    format!("<time datetime=\"{0}\">{0}</time> – <time datetime=\"{1}\">{1}</time>", a.start, a.due),
                    format!(
                        "<span class=\"cb-report-status cb-report-status-{}\">{}</span>",
                        a.status.id(),
                        esc(a.status.label())
                    ),
                    lines(&a.success),
                ]
            }),
        );
    }
    h.push_str("</section></article>");
    h
}

/// A whole page around [`report_html`], with a small stylesheet, for opening or printing
/// the command line's output.
pub fn report_html_page(r: &Report) -> String {
    const CSS: &str = "body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}\
        table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}\
        th{background:#f3f2f1}time{white-space:nowrap}.cb-report-chart svg{max-width:100%;height:auto}.cb-report-action-why,.cb-report-action-notes{margin:.25rem 0 0;font-size:.9em}\
        .cb-report-independence{border-left:4px solid #b1b4b6;padding-left:1rem}@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}";
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} – {}</title><style>{CSS}</style></head><body>{}</body></html>\n",
        esc(r.organisation()),
        esc(WORDS.report_title),
        report_html(r)
    )
}
