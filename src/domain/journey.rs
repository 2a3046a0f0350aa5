//! The task list's sections and their status, from the answers. Pure, so the UI only
//! shows what this module says.

use super::content::Framework;
use super::model::Assessment;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
}

/// How many of a set of indicators are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn status(self) -> SectionStatus {
        match self.answered {
            0 => SectionStatus::NotStarted,
            n if n >= self.total => SectionStatus::Completed,
            _ => SectionStatus::InProgress,
        }
    }

    pub fn percent(self) -> u32 {
        (self.answered * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

fn count<'a>(assessment: &Assessment, ids: impl Iterator<Item = &'a str>) -> Progress {
    ids.fold(Progress::default(), |p, id| Progress {
        answered: p.answered + usize::from(assessment.answer(id).is_some()),
        total: p.total + 1,
    })
}

/// Answered indicators of one criterion.
pub fn criterion_progress(framework: &Framework, assessment: &Assessment, criterion: &str) -> Progress {
    let ids = framework.criterion(criterion).into_iter().flat_map(|c| c.indicators.iter().map(|i| i.id));
    count(assessment, ids)
}

/// Answered indicators of one level (a task-list section).
pub fn level_progress(framework: &Framework, assessment: &Assessment, level: u8) -> Progress {
    count(assessment, framework.level(level).flat_map(|c| c.indicators.iter().map(|i| i.id)))
}

/// Answered indicators across the whole benchmark.
pub fn overall_progress(framework: &Framework, assessment: &Assessment) -> Progress {
    count(assessment, framework.indicators().map(|i| i.id))
}
