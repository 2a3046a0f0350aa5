// Benchmarks run natively; for wasm32 (linted with the app) the file is empty.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

//! Rescoring a full assessment (every indicator answered with evidence).
//! Run: `cargo bench --bench scoring`. Goal: under 50 µs.
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::model::{Answer, Assessment, Nation, Organisation, Sector, SizeBand};
use carer_benchmark::domain::policy::{Field, PolicyAnswers};
use carer_benchmark::domain::scoring::score;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn full() -> Assessment {
    let now = chrono::Utc::now();
    let org =
        Organisation { name: "Bench Ltd".into(), sector: Sector::Public, size: SizeBand::Large, nation: Nation::Wales };
    let mut a = Assessment::new(org, now);
    for (n, i) in framework().indicators().enumerate() {
        a.set_answer(i.id, Answer::ALL[n % 3], now);
        a.set_evidence(i.id, "Carers policy v3, section 2", now);
    }
    // Every policy question answered, so the policy check is part of the cost.
    let mut p = PolicyAnswers::default();
    for &f in Field::ALL {
        p.set_level(f, Some(1));
    }
    a.policies = Some(p);
    a
}

fn bench(c: &mut Criterion) {
    let fw = framework();
    let a = full();
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    c.bench_function("score full assessment", |b| b.iter(|| score(black_box(fw), black_box(&a), black_box(on))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
