//! The workshop facilitator's screens: the workshop's details, the running order with
//! clock times and prompts, a projector view that moves part by part, collecting
//! participants' codes and share files, and the room's results (also for the projector)
//! with its code to share back, CSV and Markdown downloads and a print view.
//!
//! Everything is worked out by `domain::workshop`. The workshop's details and the codes
//! collected are kept in this browser (`<storage key>:workshop`, through the app's one
//! storage adapter) so a reload loses nothing; the codes are kept rather than the
//! results because a code is exactly what the participant chose to share.

use super::files::{download, read_all_chosen};
use super::storage;
use super::widgets::{
    area_name, chars_left_of, code_box, error_for, error_summary, print, show_errors, status_word, Errors,
};
use super::Screen;
use super::{level_name, Ctx};
use crate::domain::content::{criterion_title, Area};
use crate::domain::dates::parse_date;
use crate::domain::format::file_name;
use crate::domain::text::upper_first;
use crate::domain::workshop::{
    self as ws, clock, parse_time, running_order, timetable, total_minutes, Cohort, Share, ShareId, Summary, Workshop,
    BANDS, MAX_WORKSHOP_TEXT,
};
use crate::i18n::WMsg;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page {
    /// The workshop's tasks; the details form when there is no workshop yet.
    Overview,
    Details,
    Agenda,
    /// The projector view at slide `n`: 0 the title, then each part of the running order.
    Projector(usize),
    Collect,
    Room,
    RoomProjector,
    Print,
}

mod agenda;
mod collect;
mod details;
mod projector;
mod record;
mod room;

use agenda::*;
use collect::*;
use details::*;
use projector::*;
use record::*;
use room::*;

fn unsaved_warning(ctx: Ctx, room: Room) -> impl IntoView {
    move || {
        room.unsaved
            .get()
            .then(|| view! { <div class="cb-warning" role="alert"><p>{ctx.t(WMsg::WorkshopNotSaved)}</p></div> })
    }
}

impl Page {
    /// The pages for the room, not the facilitator's desk: the running order, the
    /// projector views and the print view. `ui/lazy.rs` loads them as a chunk of their own.
    pub fn for_the_room(self) -> bool {
        matches!(self, Page::Agenda | Page::Projector(_) | Page::RoomProjector | Page::Print)
    }
}

/// The facilitator's desk: the workshop, its details, collecting codes, the room's results.
pub fn view(ctx: Ctx, page: Page) -> AnyView {
    // Building a page reads the record; only a change of page should build another.
    untrack(move || {
        let room = Room::open(ctx);
        match page {
            Page::Overview if room.workshop().is_none() => details(ctx, room, true),
            Page::Overview => overview(ctx, room),
            Page::Details => details(ctx, room, room.workshop().is_none()),
            Page::Collect => collect(ctx, room),
            Page::Room => room_view(ctx, room),
            // The room's pages: `room_pages`.
            Page::Agenda | Page::Projector(_) | Page::RoomProjector | Page::Print => ().into_any(),
        }
    })
}

/// The pages for the room ([`Page::for_the_room`]).
pub fn room_pages(ctx: Ctx, page: Page) -> AnyView {
    untrack(move || {
        let room = Room::open(ctx);
        match page {
            Page::Agenda => agenda(ctx, room),
            Page::Projector(n) => view! { <Projector ctx=ctx room=room slide=n/> }.into_any(),
            Page::RoomProjector => view! { <RoomProjector ctx=ctx room=room/> }.into_any(),
            Page::Print => print_view(ctx, room),
            // The desk's pages: `view`.
            Page::Overview | Page::Details | Page::Collect | Page::Room => ().into_any(),
        }
    })
}

fn go(ctx: Ctx, page: Page) {
    ctx.go(Screen::Workshop(page));
}

fn back(ctx: Ctx, to: Page, label: WMsg) -> impl IntoView {
    view! { <button type="button" class="cb-back" on:click=move |_| go(ctx, to)>{ctx.t(label)}</button> }
}

fn caption(ctx: Ctx, room: Room) -> impl IntoView {
    let text = room.workshop().map(|x| x.title).unwrap_or_else(|| ctx.t(WMsg::WorkshopCaption).to_string());
    view! { <span class="cb-caption">{text}</span> }
}

fn duration(ctx: Ctx, minutes: u32) -> String {
    ctx.tf(WMsg::Minutes, &[("n", &minutes.to_string())])
}
