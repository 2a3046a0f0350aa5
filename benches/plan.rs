// Benchmarks run natively; for wasm32 (linted with the app) the file is empty.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

//! Building the action plan and each export for a full assessment (every indicator
//! answered, a third of them yes without evidence, every policy question answered).
//! Run: `cargo bench --bench plan`.
use carer_benchmark::domain::content::{framework, Priority};
use carer_benchmark::domain::document::{docx, html, markdown};
use carer_benchmark::domain::export::{csv, ics, Report};
use carer_benchmark::domain::model::{Answer, Assessment, Nation, Organisation, Sector, SizeBand};
use carer_benchmark::domain::plan::{self, build, Schedule};
use carer_benchmark::domain::policy::{check, rules, Field, PolicyAnswers};
use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn full(on: NaiveDate) -> Assessment {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap();
    let org =
        Organisation { name: "Bench Ltd".into(), sector: Sector::Public, size: SizeBand::Large, nation: Nation::Wales };
    let mut a = Assessment::new(org, now);
    for (n, i) in framework().indicators().enumerate() {
        a.set_answer(i.id, Answer::ALL[n % 3], now);
        a.set_evidence(i.id, if n % 2 == 0 { "Carers policy v3, section 2" } else { "" }, now);
    }
    let mut p = PolicyAnswers::default();
    for &f in Field::ALL {
        p.set_level(f, Some(1));
    }
    a.policies = Some(p);
    plan::edit_plan(&mut a, on, |state| {
        for n in 0..5 {
            let id = state.add_own(&format!("Own action {n}"), Priority::Medium, &Schedule::default()).unwrap();
            state.set_notes(&id, "Agreed at the carers' network meeting, see minutes");
        }
    });
    a
}

fn bench(c: &mut Criterion) {
    let fw = framework();
    let on = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let a = full(on);
    let s = Schedule::default();
    let findings = check(rules(), a.policies.as_ref().unwrap(), a.organisation.nation, on);
    c.bench_function("plan: build", |b| b.iter(|| build(black_box(fw), black_box(&a), black_box(&findings), &[], &s)));
    c.bench_function("plan: report (score, check, build)", |b| {
        b.iter(|| Report::new(black_box(fw), black_box(&a), on, &[], &s))
    });
    let r = Report::new(fw, &a, on, &[], &s);
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
    c.bench_function("export: csv", |b| b.iter(|| csv::plan_csv(black_box(&r.plan))));
    c.bench_function("export: ics", |b| b.iter(|| ics::plan_ics(black_box(&r.plan), "Bench Ltd", a.created, now)));
    c.bench_function("export: document", |b| b.iter(|| black_box(&r).document()));
    let d = r.document();
    c.bench_function("export: markdown", |b| b.iter(|| markdown::render(black_box(&d))));
    c.bench_function("export: html", |b| b.iter(|| html::fragment(black_box(&d), "cb-report", None)));
    c.bench_function("export: docx", |b| b.iter(|| docx::render(black_box(&d))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
