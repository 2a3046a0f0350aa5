//! The running order: clock times, parts, criteria and discussion prompts.

use super::*;

pub(super) fn criteria_list(ids: &'static [&'static str]) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <ul class="cb-ws-criteria">
                {ids.iter().map(|id| {
                    let title = criterion_title(id).unwrap_or("");
                    view! { <li><span class="cb-finding__id">{*id}</span>" "{title}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

pub(super) fn agenda(ctx: Ctx, room: Room) -> AnyView {
    let start = Memo::new(move |_| room.record.with(|r| r.start));
    let error = RwSignal::new(false);
    let download_agenda = move |_| {
        let x = room.workshop();
        let text = ws::agenda_markdown(x.as_ref(), start.get_untracked());
        let label = x.as_ref().map_or("workshop running order".to_string(), |x| format!("{} running order", x.title));
        let _ = download(&file_name(&label, workshop_day(x.as_ref()), "md"), "text/markdown", text.as_bytes());
    };
    view! {
        {back(ctx, Page::Overview, WMsg::BackToWorkshop)}
        {caption(ctx, room)}
        <h1 tabindex="-1">{ctx.t(WMsg::AgendaTitle)}</h1>
        <p class="cb-lead">{ctx.t(WMsg::AgendaLead)}</p>
        {unsaved_warning(ctx, room)}
        <div class="cb-field" class:cb-field--error=move || error.get()>
            <label class="cb-label" for="cb-ws-start">{ctx.t(WMsg::StartTimeLabel)}</label>
            <p class="cb-hint" id="cb-ws-start-hint">{ctx.t(WMsg::StartTimeHint)}</p>
            {move || error.get().then(|| view! { <p class="cb-error" id="cb-ws-start-error">{ctx.t(WMsg::StartTimeError)}</p> })}
            <input class="cb-input cb-input--date" id="cb-ws-start" type="time"
                aria-describedby=move || if error.get() { "cb-ws-start-hint cb-ws-start-error" } else { "cb-ws-start-hint" }
                prop:value=move || clock(start.get())
                on:change=move |ev| match parse_time(&event_target_value(&ev)) {
                    Ok(t) => { error.set(false); room.change(ctx, |r| r.start = t); }
                    Err(_) => error.set(true),
                }/>
        </div>
        <p>{move || ctx.tf(WMsg::AgendaTimes, &[
            ("start", &clock(start.get())),
            ("end", &clock(start.get() + total_minutes())),
            ("parts", &running_order().len().to_string()),
        ])}</p>
        <p class="cb-hint">{ctx.t(WMsg::ProjectorKeys)}</p>
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| go(ctx, Page::Projector(0))>{ctx.t(WMsg::ProjectorLink)}</button>
            <button type="button" class="cb-button cb-button--secondary" on:click=download_agenda>{ctx.t(WMsg::DownloadAgenda)}</button>
        </div>
        <ol class="cb-ws-agenda">
            {move || timetable(start.get()).into_iter().map(|slot| {
                let s = slot.section;
                view! {
                    <li class="cb-ws-agenda__part">
                        <h2>
                            <span class="cb-ws-agenda__time">{format!("{}–{}", clock(slot.start), clock(slot.end))}</span>" "
                            {s.title}
                        </h2>
                        <p class="cb-hint">{duration(ctx, s.minutes)}</p>
                        <p>{s.purpose}</p>
                        {criteria_list(s.criteria)}
                        <h3>{ctx.t(WMsg::PromptsHeading)}</h3>
                        <ul class="cb-ws-prompts">{s.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The workshop's day, for file names; today when there is no workshop.
pub(super) fn workshop_day(x: Option<&Workshop>) -> chrono::NaiveDate {
    x.and_then(|x| parse_date(&x.date).ok()).unwrap_or_else(crate::ui::today)
}
