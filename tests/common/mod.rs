//! Helpers shared by the native test suites.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod spreadsheet;

use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::model::{Answer, Assessment, Nation, Organisation, Sector, SizeBand};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap()
}

/// The check date used where the date does not matter (after every dated rule so far).
pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// `"2024-04-06"` → a date.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn blank() -> Assessment {
    Assessment::new(
        Organisation {
            name: "Acme Care Ltd".into(),
            sector: Sector::Private,
            size: SizeBand::Medium,
            nation: Nation::England,
        },
        t0(),
    )
}

/// Every indicator of the given levels answered `yes` with evidence.
pub fn all_yes_up_to(level: u8) -> Assessment {
    let mut a = blank();
    for c in framework().criteria.iter().filter(|c| c.level <= level) {
        for i in c.indicators {
            a.set_answer(i.id, Answer::Yes, t0());
            a.set_evidence(i.id, "Policy document v2", t0());
        }
    }
    a
}

/// Policy answers that meet the law in every nation on any date since 6 April 2024, and
/// good practice, with a few arrangements offered.
pub fn compliant_policy() -> carer_benchmark::domain::policy::PolicyAnswers {
    use carer_benchmark::domain::policy::{Arrangement, LeaveUnit, PolicyAnswers, Postponement};
    let mut p = PolicyAnswers::default();
    let fw = &mut p.flexible_working;
    fw.service_weeks = Some(0);
    fw.requests_per_year = Some(2);
    fw.decision_months = Some(2);
    fw.meeting_days = Some(14);
    fw.decision_days = Some(14);
    fw.appeal_days = Some(14);
    fw.consult_before_refusal = Some(true);
    fw.refusal_only_statutory_grounds = Some(true);
    fw.explains_refusal_in_writing = Some(true);
    fw.asks_business_impact = Some(false);
    fw.refuses_without_business_impact = Some(false);
    fw.appeal = Some(true);
    fw.arrangements = Some([Arrangement::PartTime, Arrangement::RemoteHybrid, Arrangement::TrialPeriods].into());
    let cl = &mut p.carers_leave;
    cl.offered = Some(true);
    cl.days_per_year = Some(5);
    cl.paid_days = Some(5);
    cl.smallest_unit = Some(LeaveUnit::HalfDay);
    cl.notice_days = Some(3);
    cl.notice_in_writing = Some(false);
    cl.evidence_required = Some(false);
    cl.service_weeks = Some(0);
    cl.postponement = Some(Postponement::IfUndulyDisrupted);
    p.dependants.time_off = Some(true);
    p.dependants.paid_days = Some(2);
    p.dependants.excluded_from_absence_triggers = Some(true);
    p.written_policy = Some(true);
    p
}
