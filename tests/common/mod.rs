//! Helpers shared by the native test suites.
#![allow(dead_code)]

use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::model::{Answer, Assessment, Nation, Organisation, Sector, SizeBand};
use chrono::{DateTime, TimeZone, Utc};

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap()
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
            a.set_answer(&i.id, Answer::Yes, t0());
            a.set_evidence(&i.id, "Policy document v2", t0());
        }
    }
    a
}
