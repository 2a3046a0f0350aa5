//! The workshop's details form and the facilitator's overview of tasks.

use super::*;

/// Creating the workshop (`first`) or changing its details.
pub(super) fn details(ctx: Ctx, room: Room, first: bool) -> AnyView {
    let current = room.workshop();
    let title = RwSignal::new(current.as_ref().map(|x| x.title.clone()).unwrap_or_default());
    let date = RwSignal::new(current.as_ref().map_or_else(|| crate::ui::today().to_string(), |x| x.date.clone()));
    let organisation = RwSignal::new(current.as_ref().map(|x| x.organisation.clone()).unwrap_or_default());
    let errors: Errors = RwSignal::new(Vec::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Workshop::new(&title.get_untracked(), &date.get_untracked(), &organisation.get_untracked()) {
            Ok(x) => {
                room.change(ctx, |r| r.workshop = Some(x));
                errors.set(Vec::new());
                go(ctx, Page::Overview);
            }
            Err(problems) => {
                let mut list = Vec::new();
                for (field, id) in
                    [("title", "cb-ws-title"), ("date", "cb-ws-date"), ("organisation", "cb-ws-organisation")]
                {
                    if problems.iter().any(|p| p.path == field) {
                        let message = match field {
                            "title" if title.get_untracked().trim().is_empty() => ctx.t(WMsg::WorkshopTitleMissing),
                            "title" => ctx.t(WMsg::WorkshopTitleTooLong),
                            "date" => ctx.t(WMsg::WorkshopDateError),
                            _ => ctx.t(WMsg::WorkshopOrganisationTooLong),
                        };
                        list.push((id.to_string(), message.to_string()));
                    }
                }
                show_errors(ctx, errors, list);
            }
        }
    };
    let field = move |id: &'static str,
                      label: WMsg,
                      hint: Option<WMsg>,
                      value: RwSignal<String>,
                      kind: &'static str| {
        let error = error_for(errors, id);
        let describedby = move || {
            let mut ids = Vec::new();
            if kind == "text" {
                ids.push(format!("{id}-count"));
            }
            if hint.is_some() {
                ids.push(format!("{id}-hint"));
            }
            if error().is_some() {
                ids.push(format!("{id}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        };
        view! {
            <div class="cb-field" class:cb-field--error=move || error().is_some()>
                <label class="cb-label" for=id>{ctx.t(label)}</label>
                {hint.map(|h| view! { <p class="cb-hint" id=format!("{id}-hint")>{ctx.t(h)}</p> })}
                {move || error().map(|e| view! { <p class="cb-error" id=format!("{id}-error")>{e}</p> })}
                <input class="cb-input" class:cb-input--date={kind == "date"} id=id type=kind
                    maxlength=(kind == "text").then_some(MAX_WORKSHOP_TEXT)
                    min=(kind == "date").then(|| crate::domain::dates::EARLIEST.to_string())
                    max=(kind == "date").then(|| crate::domain::dates::LATEST.to_string())
                    aria-invalid=move || error().is_some().then_some("true") aria-describedby=describedby
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                {(kind == "text").then(|| chars_left_of(ctx, format!("{id}-count"), MAX_WORKSHOP_TEXT, move || value.get()))}
            </div>
        }
    };
    let (back_view, heading) = if first {
        (
            view! { <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Home)>{ctx.t(WMsg::BackToStart)}</button> }.into_any(),
            WMsg::CreateWorkshopTitle,
        )
    } else {
        (back(ctx, Page::Overview, WMsg::BackToWorkshop).into_any(), WMsg::ChangeWorkshopTitle)
    };
    view! {
        {back_view}
        {error_summary(ctx, errors)}
        <span class="cb-caption">{ctx.t(WMsg::WorkshopCaption)}</span>
        <h1 tabindex="-1">{ctx.t(heading)}</h1>
        {first.then(|| view! { <p class="cb-lead">{ctx.t(WMsg::WorkshopLead)}</p> })}
        {unsaved_warning(ctx, room)}
        <form novalidate on:submit=submit>
            {field("cb-ws-title", WMsg::WorkshopTitleLabel, Some(WMsg::WorkshopTitleHint), title, "text")}
            {field("cb-ws-date", WMsg::WorkshopDateLabel, None, date, "date")}
            {field("cb-ws-organisation", WMsg::WorkshopOrganisationLabel, Some(WMsg::WorkshopOrganisationHint), organisation, "text")}
            <button type="submit" class="cb-button">{ctx.t(if first { WMsg::CreateWorkshop } else { WMsg::SaveChanges })}</button>
        </form>
        {first.then(|| view! { <p class="cb-hint">{ctx.t(WMsg::WorkshopKeptHere)}</p> })}
    }
    .into_any()
}

// ── Overview ───────────────────────────────────────────────────────────────────────

pub(super) fn overview(ctx: Ctx, room: Room) -> AnyView {
    let Some(x) = room.workshop() else { return ().into_any() };
    let confirming = RwSignal::new(false);
    let start = room.record.with_untracked(|r| r.start);
    let task = move |label: WMsg, page: Page, hint: String| {
        view! {
            <li class="cb-task-list__item">
                <button type="button" class="cb-link" on:click=move |_| go(ctx, page)>{ctx.t(label)}</button>
                <span class="cb-hint">{hint}</span>
            </li>
        }
    };
    let count = room.record.with_untracked(|r| r.cohort.len());
    let times = ctx.tf(
        WMsg::AgendaTimes,
        &[
            ("start", &clock(start)),
            ("end", &clock(start + total_minutes())),
            ("parts", &running_order().len().to_string()),
        ],
    );
    let participants = ctx.tf(WMsg::ParticipantsSoFar, &[("count", &count.to_string())]);
    let summary_row = move |key: WMsg, value: String| {
        view! {
            <div class="cb-summary__row">
                <dt class="cb-summary__key">{ctx.t(key)}</dt>
                <dd class="cb-summary__value">{value}</dd>
                <dd class="cb-summary__actions">
                    <button type="button" class="cb-link" on:click=move |_| go(ctx, Page::Details)>
                        {ctx.t(WMsg::Change)}<span class="cb-visually-hidden">{format!(" {}", crate::domain::text::lowercase(ctx.t(key)))}</span>
                    </button>
                </dd>
            </div>
        }
    };
    let organisation =
        if x.organisation.is_empty() { ctx.t(WMsg::NotGiven).to_string() } else { x.organisation.clone() };
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Home)>{ctx.t(WMsg::BackToStart)}</button>
        <span class="cb-caption">{ctx.t(WMsg::WorkshopCaption)}</span>
        <h1 tabindex="-1">{x.title.clone()}</h1>
        {unsaved_warning(ctx, room)}
        <dl class="cb-summary">
            {summary_row(WMsg::WorkshopTitleLabel, x.title.clone())}
            {summary_row(WMsg::WorkshopDateLabel, x.long_date())}
            {summary_row(WMsg::WorkshopOrganisationLabel, organisation)}
        </dl>
        <ol class="cb-task-list">
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{ctx.t(WMsg::BeforeAndDuring)}</h2>
                <ul class="cb-task-list__items">
                    {task(WMsg::AgendaLink, Page::Agenda, times)}
                    {task(WMsg::ProjectorLink, Page::Projector(0), String::new())}
                </ul>
            </li>
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{ctx.t(WMsg::TheRoomsResults)}</h2>
                <ul class="cb-task-list__items">
                    {task(WMsg::CollectLink, Page::Collect, participants)}
                    {task(WMsg::RoomLink, Page::Room, String::new())}
                    {task(WMsg::PrintLink, Page::Print, String::new())}
                </ul>
            </li>
        </ol>
        <h2>{ctx.t(WMsg::NewWorkshopHeading)}</h2>
        {move || if confirming.get() {
            view! {
                <div class="cb-warning cb-ws-confirm" id="cb-ws-confirm" tabindex="-1" role="group" aria-labelledby="cb-ws-confirm-text">
                    <p id="cb-ws-confirm-text"><strong>{ctx.t(WMsg::NewWorkshopConfirm)}</strong></p>
                    <div class="cb-button-group">
                        <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                            room.change(ctx, |r| *r = Record { start: DEFAULT_START, ..Record::default() });
                            // With no workshop, the details page is the form to create one.
                            go(ctx, Page::Details);
                        }>{ctx.t(WMsg::NewWorkshopYes)}</button>
                        <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirming.set(false)>{ctx.t(WMsg::Cancel)}</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <p>{ctx.t(WMsg::NewWorkshopText)}</p>
                <button type="button" class="cb-button cb-button--secondary" on:click=move |_| {
                    confirming.set(true);
                    request_animation_frame(move || ctx.focus_id("cb-ws-confirm"));
                }>{ctx.t(WMsg::NewWorkshopButton)}</button>
            }.into_any()
        }}
    }
    .into_any()
}
