//! The facilitator's record (the workshop's details and the codes collected), kept in
//! this browser through the app's one storage adapter, and the `Room` the pages share.

use super::*;

/// The default start of a workshop: half past nine.
pub(super) const DEFAULT_START: u32 = 9 * 60 + 30;
pub(super) const STORAGE_NAME: &str = "workshop";

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Record {
    pub(super) workshop: Option<Workshop>,
    /// Minutes after midnight.
    pub(super) start: u32,
    pub(super) cohort: Cohort,
}

impl Record {
    /// The record as stored: the details, the start time and each share's code, in the
    /// order the cohort holds them. A `serde_json::Value`, which the assessment file
    /// already needs, rather than a derived deserialiser of its own.
    pub(super) fn to_text(&self) -> String {
        let (title, date, organisation) = match &self.workshop {
            Some(d) => (d.title.as_str(), d.date.as_str(), d.organisation.as_str()),
            None => ("", "", ""),
        };
        let codes: Vec<String> = self.cohort.shares().map(|(_, s)| s.code()).collect();
        serde_json::json!({
            "title": title, "date": date, "organisation": organisation, "start": clock(self.start), "codes": codes,
        })
        .to_string()
    }

    /// Reads what [`Record::to_text`] wrote; anything unreadable is left out.
    pub(super) fn from_text(text: &str) -> Record {
        let value = crate::domain::json::parse(text).unwrap_or_default();
        let field = |k: &str| value.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        let mut cohort = Cohort::new();
        for code in value.get("codes").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()) {
            if let Ok(s) = ws::decode_share(code) {
                let _ = cohort.add(s);
            }
        }
        Record {
            workshop: Workshop::new(field("title"), field("date"), field("organisation")).ok(),
            start: parse_time(field("start")).unwrap_or(DEFAULT_START),
            cohort,
        }
    }
}

thread_local! {
    /// The last record written for each storage namespace, and whether the browser kept
    /// it: what the pages read when storage is off or full, so the room still survives
    /// moving between pages (and the warning stays up).
    static MEMORY: RefCell<Vec<(&'static str, String, bool)>> = const { RefCell::new(Vec::new()) };
}

/// The facilitator's record as the pages share it: read when a page opens, written back
/// on every change.
#[derive(Clone, Copy)]
pub(super) struct Room {
    pub(super) record: RwSignal<Record>,
    /// The browser refused the last write: the room lasts only until the page closes.
    pub(super) unsaved: RwSignal<bool>,
}

impl Room {
    pub(super) fn open(ctx: Ctx) -> Room {
        let kept = MEMORY.with(|m| {
            m.borrow().iter().find(|(k, ..)| *k == ctx.storage_key()).map(|(_, t, saved)| (t.clone(), *saved))
        });
        let (text, saved) = match kept {
            Some((text, saved)) => (Some(text), saved),
            None => (storage::load_text(ctx.storage_key(), STORAGE_NAME), true),
        };
        // A stored record this version cannot read is copied aside before anything is
        // written over it, as the assessments' storage does.
        if let Some(t) = text.as_deref().filter(|t| saved && crate::domain::json::parse(t).is_err()) {
            let aside = format!("{STORAGE_NAME}:unreadable:{}", js_sys::Date::now() as u64);
            storage::save_text(ctx.storage_key(), &aside, Some(t));
        }
        let record =
            text.map(|t| Record::from_text(&t)).unwrap_or(Record { start: DEFAULT_START, ..Record::default() });
        Room { record: RwSignal::new(record), unsaved: RwSignal::new(!saved) }
    }

    pub(super) fn change(self, ctx: Ctx, f: impl FnOnce(&mut Record)) {
        self.record.update(f);
        let text = self.record.with_untracked(Record::to_text);
        let saved = storage::save_text(ctx.storage_key(), STORAGE_NAME, Some(&text));
        MEMORY.with(|m| {
            let mut m = m.borrow_mut();
            m.retain(|(k, ..)| *k != ctx.storage_key());
            m.push((ctx.storage_key(), text, saved));
        });
        self.unsaved.set(!saved);
    }

    pub(super) fn workshop(self) -> Option<Workshop> {
        self.record.with(|r| r.workshop.clone())
    }

    pub(super) fn summary(self) -> Summary {
        self.record.with(|r| r.cohort.summary())
    }
}
