//! Start page: what the tool is, the independence disclaimer, the user's saved
//! assessments (open, rename, duplicate, export, delete) and import.

use super::widgets::chars_left;
use super::{files, now, Ctx, Screen};
use crate::domain::format;
use crate::domain::model::{Assessment, Nation, Organisation, Sector, SizeBand};
use crate::domain::statistics::statistics;
use crate::domain::text::MAX_TEXT_CHARS;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Home() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let import_errors = RwSignal::new(Vec::<String>::new());
    let import_done = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let on_import = move |_| {
        let Some(input) = file_input.get() else { return };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        leptos::task::spawn_local(async move {
            let Some(files::Chosen { name, bytes }) = files::read_chosen(&input).await else { return };
            input.set_value("");
            match check_import(ctx, bytes).await {
                Ok(assessment) => {
                    let org = assessment.organisation.name.clone();
                    ctx.lib.update(|lib| {
                        lib.add(assessment, now());
                    });
                    import_errors.set(Vec::new());
                    import_done.set(Some(ctx.tf(Msg::ImportDone, &[("name", &org)])));
                }
                Err(reasons) => {
                    import_done.set(None);
                    let mut lines = vec![ctx.tf(Msg::ImportFailed, &[("file", &name)])];
                    lines.extend(reasons);
                    import_errors.set(lines);
                }
            }
        });
    };

    let one_in_seven = statistics().iter().find(|s| s.id == "workforce-carers");

    view! {
        <h1 tabindex="-1">{ctx.t(Msg::ProductName)}</h1>
        <p class="cb-lead">{ctx.t(Msg::ProductSummary)}</p>
        {one_in_seven.map(|s| view! {
            <p class="cb-stat">{s.text}" "<span class="cb-source">{ctx.tf(Msg::SourceLabel, &[("source", s.source)])}</span></p>
        })}
        <div class="cb-inset" role="note">
            <h2 class="cb-inset__title">{ctx.t(Msg::DisclaimerTitle)}</h2>
            <p>{ctx.t(Msg::DisclaimerText)}</p>
        </div>
        <button type="button" class="cb-button cb-button--start" on:click=move |_| ctx.go(Screen::New)>
            {ctx.t(Msg::StartButton)}
        </button>

        <h2>{ctx.t(Msg::YourAssessments)}</h2>
        {move || {
            let items = ctx.lib.with(|lib| lib.assessments.iter().map(|s| (s.id.clone(), s.assessment.clone())).collect::<Vec<_>>());
            if items.is_empty() {
                view! { <p>{ctx.t(Msg::NoAssessmentsYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="cb-cards">
                        {items.into_iter().map(|(id, a)| view! { <AssessmentCard id=id assessment=a/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}

        <h2>{ctx.t(Msg::ImportHeading)}</h2>
        {move || {
            let errs = import_errors.get();
            (!errs.is_empty()).then(|| view! {
                <div class="cb-error-summary" role="alert" tabindex="-1">
                    <h3 class="cb-error-summary__title">{ctx.t(Msg::ThereIsAProblem)}</h3>
                    <ul>{errs.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                    <p>{ctx.t(Msg::ImportNothingChanged)}</p>
                </div>
            })
        }}
        {move || import_done.get().map(|m| view! { <p class="cb-success" role="status">{m}</p> })}
        <div class="cb-field">
            <label class="cb-label" for="cb-import">{ctx.t(Msg::ImportLabel)}</label>
            <p class="cb-hint" id="cb-import-hint">{ctx.t(Msg::ImportHint)}</p>
            <input id="cb-import" type="file" accept=".json,application/json" aria-describedby="cb-import-hint"
                node_ref=file_input on:change=on_import/>
        </div>

        <h2>{ctx.t(Msg::WorkshopHeading)}</h2>
        <p>{ctx.t(Msg::WorkshopText)}</p>
        <button type="button" class="cb-button cb-button--secondary" on:click=move |_| ctx.go(Screen::Workshop(super::workshop::Page::Overview))>
            {ctx.t(Msg::WorkshopLink)}
        </button>
    }
}

/// A chosen file's assessment, or why it is refused, in words. A file over the file
/// format's limit is refused by its size, unread; checking one needs the criteria (to
/// know every indicator ID) and the chunk that reads files.
async fn check_import(ctx: Ctx, bytes: Result<Vec<u8>, u64>) -> Result<Assessment, Vec<String>> {
    let bytes = bytes.map_err(|size| format::size_problem(size).iter().map(ToString::to_string).collect::<Vec<_>>())?;
    super::load_content(ctx).await.map_err(|reason| vec![ctx.tf(Msg::ContentFailed, &[("reason", &reason)])])?;
    let checked =
        super::lazy::read_assessment_file(bytes).await.ok_or_else(|| vec![ctx.t(Msg::ScreenFailed).to_string()])?;
    checked.map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

#[component]
fn AssessmentCard(id: String, assessment: Assessment) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_name = RwSignal::new(assessment.organisation.name.clone());
    let name = assessment.organisation.name.clone();
    let updated = super::local_time(assessment.updated, true);
    let field_id = format!("cb-rename-{id}");

    let open = {
        let id = id.clone();
        move |_| {
            ctx.current.set(Some(id.clone()));
            ctx.go(Screen::Tasks);
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let suffix = ctx.t(Msg::CopySuffix);
            ctx.lib.update(|lib| {
                lib.duplicate(&id, suffix, now());
            });
        }
    };
    let export = {
        let assessment = assessment.clone();
        move |_| {
            let _ = files::download_assessment(&assessment, now().date_naive());
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            ctx.lib.update(|lib| {
                lib.delete(&id);
            });
        }
    };
    let save_name = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            ctx.lib.update(|lib| {
                lib.rename(&id, &new_name.get_untracked(), now());
            });
            renaming.set(false);
        }
    };

    view! {
        <li class="cb-card">
            <h3 class="cb-card__title">{name.clone()}</h3>
            <p class="cb-hint">{ctx.tf(Msg::LastChanged, &[("when", &updated)])}</p>
            <div class="cb-button-group">
                <button type="button" class="cb-button" on:click=open>{ctx.t(Msg::Open)}</button>
                <button type="button" class="cb-button cb-button--secondary" on:click=move |_| renaming.set(true)>{ctx.t(Msg::Rename)}</button>
                <button type="button" class="cb-button cb-button--secondary" on:click=duplicate>{ctx.t(Msg::Duplicate)}</button>
                <button type="button" class="cb-button cb-button--secondary" on:click=export>{ctx.t(Msg::ExportJson)}</button>
                <button type="button" class="cb-button cb-button--warning" on:click=move |_| confirming.set(true)>{ctx.t(Msg::Delete)}</button>
            </div>
            <Show when=move || renaming.get()>
                <form class="cb-inline-form" on:submit=save_name.clone()>
                    <label class="cb-label" for=field_id.clone()>{ctx.t(Msg::NewName)}</label>
                    <input class="cb-input" id=field_id.clone() type="text" maxlength=MAX_TEXT_CHARS
                        aria-describedby=format!("{field_id}-count")
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    {chars_left(ctx, format!("{field_id}-count"), move || new_name.get())}
                    <button type="submit" class="cb-button">{ctx.t(Msg::SaveName)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| renaming.set(false)>{ctx.t(Msg::Cancel)}</button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <div class="cb-confirm" role="alertdialog" aria-label=ctx.t(Msg::ConfirmDeleteLabel)>
                    <p>{ctx.tf(Msg::ConfirmDelete, &[("name", &name)])}</p>
                    <button type="button" class="cb-button cb-button--warning" on:click=delete.clone()>{ctx.t(Msg::YesDelete)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirming.set(false)>{ctx.t(Msg::Cancel)}</button>
                </div>
            </Show>
        </li>
    }
}

/// The "About your organisation" form, with an error summary linked to the fields.
/// With `edit`, it changes the open assessment's details instead of creating one.
#[component]
pub fn NewAssessment(#[prop(optional)] edit: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let existing = if edit { ctx.with_current(|a| a.organisation.clone()) } else { None };
    let name = RwSignal::new(existing.as_ref().map(|o| o.name.clone()).unwrap_or_default());
    let sector = RwSignal::new(existing.as_ref().map(|o| o.sector));
    let size = RwSignal::new(existing.as_ref().map(|o| o.size));
    let nation = RwSignal::new(existing.as_ref().map(|o| o.nation).or(ctx.config.nation));
    let errors = RwSignal::new(Vec::<(&'static str, Msg)>::new());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        if name.get_untracked().trim().is_empty() {
            errs.push(("cb-org-name", Msg::ErrorNameMissing));
        }
        if sector.get_untracked().is_none() {
            errs.push(("cb-sector-private", Msg::ErrorSectorMissing));
        }
        if size.get_untracked().is_none() {
            errs.push(("cb-size", Msg::ErrorSizeMissing));
        }
        if nation.get_untracked().is_none() {
            errs.push(("cb-nation-england", Msg::ErrorNationMissing));
        }
        if let (true, Some(sector), Some(size), Some(nation)) =
            (errs.is_empty(), sector.get_untracked(), size.get_untracked(), nation.get_untracked())
        {
            let org = Organisation { name: name.get_untracked().trim().to_string(), sector, size, nation };
            let t = now();
            if edit {
                ctx.update(|a| {
                    a.set_organisation(org, t);
                });
            } else {
                let id = ctx.lib.try_update(|lib| lib.add(Assessment::new(org, t), t));
                ctx.current.set(id);
            }
            ctx.go(Screen::Tasks);
        } else {
            errors.set(errs);
            request_animation_frame(move || ctx.focus_id("cb-error-summary"));
        }
    };
    let error_for =
        move |field: &'static str| move || errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| ctx.t(*m)));

    let sector_label = |s: Sector| match s {
        Sector::Private => Msg::SectorPrivate,
        Sector::Public => Msg::SectorPublic,
        Sector::Voluntary => Msg::SectorVoluntary,
    };
    let nation_label = |n: Nation| match n {
        Nation::England => Msg::NationEngland,
        Nation::Wales => Msg::NationWales,
        Nation::Scotland => Msg::NationScotland,
        Nation::NorthernIreland => Msg::NationNorthernIreland,
    };

    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(if edit { Screen::Tasks } else { Screen::Home })>{ctx.t(Msg::Back)}</button>
        {move || (!errors.get().is_empty()).then(|| view! {
            <div class="cb-error-summary" id="cb-error-summary" role="alert" tabindex="-1">
                <h2 class="cb-error-summary__title">{ctx.t(Msg::ThereIsAProblem)}</h2>
                <ul>
                    {errors.get().into_iter().map(|(field, m)| view! {
                        <li><a href=format!("#{field}") on:click=move |ev| { ev.prevent_default(); ctx.focus_id(field); }>{ctx.t(m)}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <h1 tabindex="-1">{ctx.t(Msg::AboutOrganisation)}</h1>
        <form novalidate on:submit=submit>
            <div class="cb-field" class:cb-field--error=move || error_for("cb-org-name")().is_some()>
                <label class="cb-label" for="cb-org-name">{ctx.t(Msg::OrgNameLabel)}</label>
                {move || error_for("cb-org-name")().map(|e| view! { <p class="cb-error" id="cb-org-name-error">{e}</p> })}
                <input class="cb-input" id="cb-org-name" type="text" autocomplete="organization" maxlength=MAX_TEXT_CHARS
                    aria-describedby=move || match error_for("cb-org-name")() {
                        Some(_) => "cb-org-name-error cb-org-name-count",
                        None => "cb-org-name-count",
                    }
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                {chars_left(ctx, "cb-org-name-count".into(), move || name.get())}
            </div>
            <fieldset class="cb-field" class:cb-field--error=move || error_for("cb-sector-private")().is_some()>
                <legend class="cb-label">{ctx.t(Msg::SectorLabel)}</legend>
                {move || error_for("cb-sector-private")().map(|e| view! { <p class="cb-error">{e}</p> })}
                {Sector::ALL.iter().copied().map(|s| {
                    let id = format!("cb-sector-{}", s.id());
                    view! {
                        <div class="cb-radio">
                            <input type="radio" name="cb-sector" id=id.clone() prop:checked=move || sector.get() == Some(s)
                                on:change=move |_| sector.set(Some(s))/>
                            <label for=id>{ctx.t(sector_label(s))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="cb-field" class:cb-field--error=move || error_for("cb-size")().is_some()>
                <label class="cb-label" for="cb-size">{ctx.t(Msg::SizeLabel)}</label>
                {move || error_for("cb-size")().map(|e| view! { <p class="cb-error">{e}</p> })}
                <select class="cb-select" id="cb-size" on:change=move |ev| size.set(SizeBand::from_id(&event_target_value(&ev)))>
                    <option value="" selected=move || size.get().is_none()>{ctx.t(Msg::ChooseOne)}</option>
                    {SizeBand::ALL.iter().copied().map(|b| view! {
                        <option value=b.id() selected=move || size.get() == Some(b)>{ctx.tf(Msg::SizeOption, &[("band", b.id())])}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="cb-field" class:cb-field--error=move || error_for("cb-nation-england")().is_some()>
                <legend class="cb-label">{ctx.t(Msg::NationLabel)}</legend>
                <p class="cb-hint">{ctx.t(Msg::NationHint)}</p>
                {move || error_for("cb-nation-england")().map(|e| view! { <p class="cb-error">{e}</p> })}
                {Nation::ALL.iter().copied().map(|n| {
                    let id = format!("cb-nation-{}", n.id());
                    view! {
                        <div class="cb-radio">
                            <input type="radio" name="cb-nation" id=id.clone() prop:checked=move || nation.get() == Some(n)
                                on:change=move |_| nation.set(Some(n))/>
                            <label for=id>{ctx.t(nation_label(n))}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <button type="submit" class="cb-button">{ctx.t(Msg::CreateAssessment)}</button>
        </form>
    }
}
