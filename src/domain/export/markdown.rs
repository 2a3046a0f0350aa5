//! The report and plan as Markdown (GitHub-flavoured, for its tables). Every piece of
//! text that is not the tool's own is escaped
//! ([`escape::markdown_inline`](crate::domain::escape::markdown_inline)), so a name like `<script>` or
//! `a | b` stays text and cannot break a table.

use super::{area_label, Report};
use crate::domain::escape::markdown_inline as esc;
use crate::domain::plan::{grade_label, priority_label, WORDS};
use crate::domain::text::fill;
use std::fmt::Write;

fn table(md: &mut String, headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(md, "| {} |", headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(headers.len()));
    for r in rows {
        let _ = writeln!(md, "| {} |", r.join(" | "));
    }
    md.push('\n');
}

pub fn report_markdown(r: &Report) -> String {
    let w = &WORDS;
    let mut md = String::new();
    let org = esc(r.organisation());
    let _ = writeln!(md, "# {}\n", w.report_title);
    let _ = writeln!(md, "**{}**\n", fill(w.report_subtitle, &[("organisation", &org)]));
    let _ = writeln!(md, "{}\n", r.prepared(&org));
    let _ = writeln!(md, "> {}\n", w.independence);

    let _ = writeln!(md, "## {}\n", w.heading_levels);
    for l in r.level_lines() {
        let _ = writeln!(md, "- {l}");
    }
    let _ = writeln!(md, "\n{}\n", r.overall());

    let _ = writeln!(md, "## {}\n", w.heading_areas);
    table(
        &mut md,
        &[w.col_area, w.col_points, w.col_percent],
        r.score.areas.iter().map(|a| {
            vec![
                esc(area_label(a.area)),
                format!("{} / {}", a.points.earned, a.points.available),
                format!("{}%", a.percent),
            ]
        }),
    );

    let _ = writeln!(md, "## {}\n", w.heading_criteria);
    table(
        &mut md,
        &[w.col_id, w.col_criterion, w.col_level, w.col_status, w.col_points],
        r.criteria_rows().into_iter().map(|row| row.iter().map(|c| esc(c)).collect()),
    );

    let _ = writeln!(md, "## {}\n", r.findings_heading());
    if r.findings.is_empty() {
        let _ = writeln!(md, "{}\n", w.no_findings);
    } else {
        table(
            &mut md,
            &[w.col_rule, w.col_grade, w.col_finding],
            r.findings.iter().map(|f| {
                vec![f.rule_id.to_string(), esc(grade_label(f.grade)), format!("{}: {}", esc(f.title), esc(&f.note))]
            }),
        );
    }

    let _ = writeln!(md, "## {}\n", r.plan_heading());
    if r.plan.actions.is_empty() {
        let _ = writeln!(md, "{}\n", w.no_actions);
    } else {
        table(
            &mut md,
            &[
                w.col_action,
                w.col_why,
                w.col_owner,
                w.col_priority,
                w.col_dates,
                w.col_status,
                w.col_success,
                w.col_notes,
            ],
            r.plan.actions.iter().map(|a| {
                vec![
                    format!("{} ({})", esc(&a.title), esc(&a.id)),
                    esc(&a.why.text),
                    esc(&a.owner),
                    esc(priority_label(a.priority)),
                    format!("{} – {}", a.start, a.due),
                    esc(a.status.label()),
                    esc(&a.success),
                    esc(&a.notes),
                ]
            }),
        );
    }
    md
}
