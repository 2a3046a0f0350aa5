//! Collecting participants' codes and share files, each refused one with its reason.

use super::*;

/// What became of one code or file the facilitator gave.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    Added { number: usize, replaced: bool },
    Duplicate(String),
    Refused(String),
}

/// One result of adding: where the code came from (a line of the box, a file), the field
/// to fix it in, and what happened.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Report {
    source: String,
    field: &'static str,
    outcome: Outcome,
}

pub(super) fn short(code: &str) -> String {
    let code = code.trim();
    if code.chars().count() > 16 {
        format!("{}…", code.chars().take(15).collect::<String>())
    } else {
        code.to_string()
    }
}

/// Counts a share in the record, reporting a duplicate by the participant it repeats.
pub(super) fn add_share(ctx: Ctx, r: &mut Record, share: Share) -> Outcome {
    match r.cohort.add(share) {
        Ok(added) => Outcome::Added { number: added.number, replaced: added.replaced.is_some() },
        Err(dup) => {
            let name = r.cohort.shares().nth(dup.number - 1).and_then(|(_, s)| s.organisation.clone());
            Outcome::Duplicate(match name {
                Some(name) => ctx.tf(
                    WMsg::DuplicateNamed,
                    &[("number", &dup.number.to_string()), ("name", &name), ("id", &dup.id.0)],
                ),
                None => ctx.tf(WMsg::DuplicateOf, &[("number", &dup.number.to_string()), ("id", &dup.id.0)]),
            })
        }
    }
}

pub(super) fn collect(ctx: Ctx, room: Room) -> AnyView {
    let pasted = RwSignal::new(String::new());
    let reports = RwSignal::new(Vec::<Report>::new());
    let removed = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let files = NodeRef::<leptos::html::Input>::new();

    let show = move |list: Vec<Report>| {
        let problems = list.iter().any(|r| !matches!(r.outcome, Outcome::Added { .. }));
        reports.set(list);
        removed.set(None);
        request_animation_frame(move || ctx.focus_id(if problems { "cb-error-summary" } else { "cb-ws-added" }));
    };
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let mut list = Vec::new();
        let mut keep = Vec::new();
        room.change(ctx, |r| {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let found = ws::find_codes(line).into_iter().next().map_or_else(|| line.to_string(), |f| f.text);
                let source = ctx.tf(WMsg::LineSource, &[("n", &(n + 1).to_string()), ("code", &short(&found))]);
                let outcome = match ws::decode_share(&found) {
                    Ok(share) => add_share(ctx, r, share),
                    Err(e) => {
                        keep.push(line.to_string());
                        Outcome::Refused(upper_first(&e.to_string()))
                    }
                };
                list.push(Report { source, field: "cb-ws-codes", outcome });
            }
        });
        if list.is_empty() {
            list.push(Report {
                source: String::new(),
                field: "cb-ws-codes",
                outcome: Outcome::Refused(ctx.t(WMsg::NoCodesPasted).into()),
            });
        }
        // What could not be read stays in the box to be corrected; the rest is counted.
        pasted.set(keep.join("\n"));
        show(list);
    };
    let add_files = move |_| {
        let Some(input) = files.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let chosen = read_all_chosen(&input).await;
            input.set_value("");
            if chosen.is_empty() {
                return;
            }
            let mut list = Vec::new();
            room.change(ctx, |r| {
                for crate::ui::files::Chosen { name, bytes } in &chosen {
                    let found_in = match bytes {
                        Ok(bytes) => ws::shares_in(name, bytes),
                        Err(size) => ws::oversized(name, *size).unwrap_or_default(),
                    };
                    for found in found_in {
                        let outcome = match found.result {
                            Ok(share) => add_share(ctx, r, share),
                            Err(e) => Outcome::Refused(upper_first(&e)),
                        };
                        list.push(Report { source: found.source, field: "cb-ws-files", outcome });
                    }
                }
            });
            show(list);
        });
    };
    let remove = move |id: ShareId, number: usize| {
        room.change(ctx, |r| {
            r.cohort.remove(&id);
        });
        reports.set(Vec::new());
        removed.set(Some(ctx.tf(WMsg::ParticipantRemoved, &[("number", &number.to_string())])));
        request_animation_frame(move || ctx.focus_id("cb-ws-participants-status"));
    };

    let problems = move || {
        reports.with(|l| l.iter().filter(|r| !matches!(r.outcome, Outcome::Added { .. })).cloned().collect::<Vec<_>>())
    };
    let added = move || {
        reports.with(|l| l.iter().filter(|r| matches!(r.outcome, Outcome::Added { .. })).cloned().collect::<Vec<_>>())
    };
    let textarea_error = move || problems().iter().any(|r| r.field == "cb-ws-codes");
    let files_error = move || problems().iter().any(|r| r.field == "cb-ws-files");
    let count = move || room.record.with(|r| r.cohort.len());

    view! {
        {back(ctx, Page::Overview, WMsg::BackToWorkshop)}
        {move || {
            let list = problems();
            (!list.is_empty()).then(|| view! {
                <div class="cb-error-summary" id="cb-error-summary" role="alert" tabindex="-1">
                    <h2 class="cb-error-summary__title">{ctx.t(WMsg::SomeNotCounted)}</h2>
                    <p>{ctx.t(WMsg::SomeNotCountedText)}</p>
                    <ul>
                        {list.into_iter().map(|r| {
                            let text = match r.outcome {
                                Outcome::Duplicate(m) | Outcome::Refused(m) if r.source.is_empty() => m,
                                Outcome::Duplicate(m) | Outcome::Refused(m) => format!("{}: {m}", r.source),
                                Outcome::Added { .. } => String::new(),
                            };
                            let field = r.field;
                            view! { <li><a href=format!("#{field}") on:click=move |ev| { ev.prevent_default(); ctx.focus_id(field); }>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        {caption(ctx, room)}
        <h1 tabindex="-1">{ctx.t(WMsg::CollectTitle)}</h1>
        <p class="cb-lead">{ctx.t(WMsg::CollectLead)}</p>
        {unsaved_warning(ctx, room)}
        {move || {
            let list = added();
            (!list.is_empty()).then(|| view! {
                <div class="cb-success cb-ws-added" id="cb-ws-added" tabindex="-1" role="status">
                    <p><strong>{ctx.tf(WMsg::CodesAdded, &[("count", &list.len().to_string())])}</strong></p>
                    <ul>
                        {list.into_iter().map(|r| {
                            let Outcome::Added { number, replaced } = r.outcome else { return ().into_any() };
                            let what = ctx.tf(if replaced { WMsg::AddedReplaced } else { WMsg::AddedAs }, &[("number", &number.to_string())]);
                            view! { <li>{format!("{}: {what}", r.source)}</li> }.into_any()
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        <form novalidate on:submit=add_pasted>
            <div class="cb-field" class:cb-field--error=textarea_error>
                <label class="cb-label cb-label--m" for="cb-ws-codes">{ctx.t(WMsg::PasteCodesLabel)}</label>
                <p class="cb-hint" id="cb-ws-codes-hint">{ctx.t(WMsg::PasteCodesHint)}</p>
                <textarea class="cb-textarea cb-ws-codes" id="cb-ws-codes" rows="6" spellcheck="false" autocomplete="off"
                    aria-describedby="cb-ws-codes-hint" aria-invalid=move || textarea_error().then_some("true")
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="cb-button">{ctx.t(WMsg::AddCodes)}</button>
        </form>
        <div class="cb-field" class:cb-field--error=files_error>
            <label class="cb-label cb-label--m" for="cb-ws-files">{ctx.t(WMsg::ChooseFilesLabel)}</label>
            <p class="cb-hint" id="cb-ws-files-hint">{ctx.t(WMsg::ChooseFilesHint)}</p>
            <input type="file" id="cb-ws-files" multiple accept=".json,.txt,application/json,text/plain" node_ref=files
                aria-describedby="cb-ws-files-hint" aria-invalid=move || files_error().then_some("true") on:change=add_files/>
        </div>

        <h2 id="cb-ws-participants">{move || ctx.tf(WMsg::ParticipantsHeading, &[("count", &count().to_string())])}</h2>
        <p id="cb-ws-participants-status" tabindex="-1" role="status">{move || removed.get()}</p>
        {move || {
            let rows: Vec<(usize, ShareId, Share)> =
                room.record.with(|r| r.cohort.shares().enumerate().map(|(i, (id, s))| (i + 1, id.clone(), s.clone())).collect());
            if rows.is_empty() {
                return view! { <p>{ctx.t(WMsg::NoParticipantsYet)}</p> }.into_any();
            }
            view! {
                <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-participants-caption" tabindex="0">
                    <table class="cb-table cb-ws-participants">
                        <caption class="cb-visually-hidden" id="cb-ws-participants-caption">{ctx.t(WMsg::ParticipantsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{ctx.t(WMsg::ParticipantColumn)}</th>
                            <th scope="col">{ctx.t(WMsg::NameColumn)}</th>
                            {[1u8, 2, 3].into_iter().map(|l| view! { <th scope="col">{ctx.tf(WMsg::LevelShort, &[("level", &l.to_string())])}</th> }).collect_view()}
                            <th scope="col"><span class="cb-visually-hidden">{ctx.t(WMsg::ActionsColumn)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(number, id, s)| {
                                let name = s.organisation.clone().unwrap_or_else(|| ctx.t(WMsg::NotNamed).to_string());
                                view! {
                                    <tr>
                                        <th scope="row">{number}<span class="cb-ws-share-id">{format!(" ({id})")}</span></th>
                                        <td>{name}</td>
                                        {[1u8, 2, 3].into_iter().map(|l| view! { <td>{status_word(ctx, s.level(l))}</td> }).collect_view()}
                                        <td>
                                            <button type="button" class="cb-link" on:click=move |_| remove(id.clone(), number)>
                                                {ctx.t(WMsg::Remove)}<span class="cb-visually-hidden">{format!(" {}", ctx.tf(WMsg::ParticipantN, &[("number", &number.to_string())]))}</span>
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| go(ctx, Page::Room)>{ctx.t(WMsg::RoomLink)}</button>
        </div>
        {move || (count() > 0).then(|| view! {
            <h2>{ctx.t(WMsg::ClearRoomHeading)}</h2>
            {move || if confirming.get() {
                view! {
                    <div class="cb-warning cb-ws-confirm" id="cb-ws-confirm" tabindex="-1" role="group" aria-labelledby="cb-ws-confirm-text">
                        <p id="cb-ws-confirm-text"><strong>{ctx.tf(WMsg::ClearRoomConfirm, &[("count", &count().to_string())])}</strong></p>
                        <div class="cb-button-group">
                            <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                                room.change(ctx, |r| r.cohort = Cohort::new());
                                confirming.set(false);
                                reports.set(Vec::new());
                                removed.set(Some(ctx.t(WMsg::RoomCleared).to_string()));
                                request_animation_frame(move || ctx.focus_id("cb-ws-participants-status"));
                            }>{ctx.t(WMsg::ClearRoomYes)}</button>
                            <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirming.set(false)>{ctx.t(WMsg::Cancel)}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                        confirming.set(true);
                        request_animation_frame(move || ctx.focus_id("cb-ws-confirm"));
                    }>{ctx.t(WMsg::ClearRoomButton)}</button>
                }.into_any()
            }}
        })}
    }
    .into_any()
}
