//! The plan as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
//! accents), CRLF line ends, RFC 4180 quoting, and every field that a spreadsheet could
//! read as a formula prefixed with `'`: every cell goes through [`csv_cell`].

use crate::domain::escape::csv_cell;
use crate::domain::plan::{priority_label, Plan, WORDS};

fn row(out: &mut String, fields: &[&str]) {
    let cells: Vec<String> = fields.iter().map(|f| csv_cell(f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Columns: ID, group, action, why, reference, owner, priority, start, due, status,
/// success measure, notes. Removed actions are left out.
pub fn plan_csv(plan: &Plan) -> String {
    let w = &WORDS;
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[
            w.col_id,
            w.col_group,
            w.col_action,
            w.col_why,
            w.col_reference,
            w.col_owner,
            w.col_priority,
            w.col_start,
            w.col_due,
            w.col_status,
            w.col_success,
            w.col_notes,
        ],
    );
    for a in &plan.actions {
        let (start, due) = (a.start.to_string(), a.due.to_string());
        row(
            &mut out,
            &[
                &a.id,
                a.tier.label(),
                &a.title,
                &a.why.text,
                &a.why.reference,
                &a.owner,
                priority_label(a.priority),
                &start,
                &due,
                a.status.label(),
                &a.success,
                &a.notes,
            ],
        );
    }
    out
}
