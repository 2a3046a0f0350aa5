//! The room's results: counts, area spread, most-missed criteria, the room code to share
//! back, the projector version, downloads and the print view.

use super::*;

/// One stacked bar per area: how many participants score in each band of [`BANDS`], with
/// the count written in each part and the median at the end. The table beside it holds
/// the same numbers.
pub(super) fn band_chart(ctx: Ctx, s: &Summary, id: &'static str) -> impl IntoView {
    const ROW: u32 = 64;
    const BAR: u32 = 480;
    const PAD: u32 = 8;
    const RIGHT: u32 = 130;
    let n = s.participants.max(1);
    let height = ROW * s.areas.len() as u32 + 8;
    let (title_id, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    view! {
        <svg class="cb-chart cb-ws-chart" viewBox=format!("0 0 {} {height}", BAR + 2 * PAD + RIGHT) role="img" aria-labelledby=labelled_by>
            <title id=title_id>{ctx.t(WMsg::BandChartTitle)}</title>
            {s.areas.iter().enumerate().map(|(i, a)| {
                let y = ROW * i as u32;
                let mut x = PAD;
                let parts = (0..4).map(|b| {
                    let width = BAR * a.bands[b] / n;
                    let at = x;
                    x += width;
                    (width > 0).then(|| view! {
                        <rect class=format!("cb-ws-band cb-ws-band--{b}") x=at y=y + 26 width=width height=30/>
                        <text class=format!("cb-ws-band__count cb-ws-band__count--{b}") x=at + width / 2 y=y + 47 text-anchor="middle">{a.bands[b]}</text>
                    })
                }).collect_view();
                view! {
                    <text class="cb-chart__label" x=PAD y=y + 18>{area_name(&ctx, a.area)}</text>
                    {parts}
                    <text class="cb-chart__value" x=PAD + BAR + 10 y=y + 47>{ctx.tf(WMsg::MedianShort, &[("median", &a.median.to_string())])}</text>
                }
            }).collect_view()}
        </svg>
    }
}

pub(super) fn band_label(i: usize) -> String {
    format!("{}–{}%", BANDS[i].0, BANDS[i].1)
}

pub(super) fn room_body(ctx: Ctx, s: &Summary, big: bool) -> impl IntoView {
    let names = s.names.clone();
    let shown = if big { 5 } else { s.missing.len() };
    view! {
        <p class="cb-ws-count"><strong class="cb-ws-count__n">{s.participants}</strong>" "{ctx.t(if s.participants == 1 { WMsg::ParticipantWord } else { WMsg::ParticipantsWord })}</p>
        <div class="cb-ws-room">
            <section class="cb-ws-room__part" aria-labelledby="cb-ws-levels">
                <h2 id="cb-ws-levels">{ctx.t(WMsg::RoomLevelsHeading)}</h2>
                <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-levels-caption" tabindex="0">
                    <table class="cb-table cb-ws-levels-table">
                        <caption class="cb-visually-hidden" id="cb-ws-levels-caption">{ctx.t(WMsg::RoomLevelsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{ctx.t(WMsg::LevelColumn)}</th>
                            <th scope="col" class="cb-num">{ctx.t(WMsg::LevelReady)}</th>
                            <th scope="col" class="cb-num">{ctx.t(WMsg::LevelOnTrack)}</th>
                            <th scope="col" class="cb-num">{ctx.t(WMsg::LevelNotYet)}</th>
                        </tr></thead>
                        <tbody>
                            {s.levels.iter().map(|l| view! {
                                <tr>
                                    <th scope="row">{level_name(&ctx, l.level)}</th>
                                    <td class="cb-num">{l.ready}</td>
                                    <td class="cb-num">{l.on_track}</td>
                                    <td class="cb-num">{l.not_yet}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="cb-ws-room__part" aria-labelledby="cb-ws-missing">
                <h2 id="cb-ws-missing">{ctx.t(WMsg::MissingHeading)}</h2>
                {if s.missing.is_empty() {
                    view! { <p>{ctx.t(WMsg::NothingMissing)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="cb-ws-missing">
                            {s.missing.iter().take(shown).map(|m| {
                                let title = criterion_title(m.criterion).unwrap_or("");
                                view! {
                                    <li>
                                        <span class="cb-finding__id">{m.criterion}</span>" "{title}
                                        <span class="cb-ws-missing__count">{ctx.tf(WMsg::NotMetBy, &[("count", &m.count.to_string()), ("total", &s.participants.to_string())])}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        </div>
        <section aria-labelledby="cb-ws-areas">
            <h2 id="cb-ws-areas">{ctx.t(WMsg::RoomAreasHeading)}</h2>
            <ul class="cb-ws-legend" aria-hidden="true">
                {(0..4).map(|b| view! { <li><span class=format!("cb-ws-swatch cb-ws-band--{b}")></span>{band_label(b)}</li> }).collect_view()}
            </ul>
            {band_chart(ctx, s, if big { "cb-ws-chart-big" } else { "cb-ws-chart" })}
            <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-areas-caption" tabindex="0">
                <table class="cb-table cb-ws-area-table">
                    <caption id="cb-ws-areas-caption">{ctx.t(WMsg::RoomAreasCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{ctx.t(WMsg::AreaColumn)}</th>
                        {(0..4).map(|b| view! { <th scope="col" class="cb-num">{band_label(b)}</th> }).collect_view()}
                        <th scope="col" class="cb-num">{ctx.t(WMsg::MedianColumn)}</th>
                    </tr></thead>
                    <tbody>
                        {Area::ALL.iter().filter_map(|&area| s.area(area)).map(|a| view! {
                            <tr>
                                <th scope="row">{area_name(&ctx, a.area)}</th>
                                {a.bands.iter().map(|n| view! { <td class="cb-num">{*n}</td> }).collect_view()}
                                <td class="cb-num">{format!("{}%", a.median)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="cb-ws-names">
            <h2 id="cb-ws-names">{ctx.t(WMsg::NamedHeading)}</h2>
            {if names.is_empty() {
                view! { <p>{ctx.t(WMsg::NoOneNamed)}</p> }.into_any()
            } else {
                view! { <ul class="cb-ws-names">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

pub(super) fn room_view(ctx: Ctx, room: Room) -> AnyView {
    let s = room.summary();
    let x = room.workshop();
    let code = s.code();
    let export = move |kind: &'static str| {
        let s = room.summary();
        let x = room.workshop();
        let (text, mime) = match kind {
            "csv" => (ws::summary_csv(&s, x.as_ref(), &ctx), "text/csv"),
            _ => (ws::summary_markdown(&s, x.as_ref(), &ctx), "text/markdown"),
        };
        let label = x.as_ref().map_or("workshop results".to_string(), |x| format!("{} results", x.title));
        let _ = download(&file_name(&label, workshop_day(x.as_ref()), kind), mime, text.as_bytes());
    };
    view! {
        {back(ctx, Page::Overview, WMsg::BackToWorkshop)}
        {caption(ctx, room)}
        <h1 tabindex="-1">{ctx.t(WMsg::RoomTitle)}</h1>
        {unsaved_warning(ctx, room)}
        {if s.participants == 0 {
            view! {
                <p>{ctx.t(WMsg::RoomNoneYet)}</p>
                <button type="button" class="cb-button" on:click=move |_| go(ctx, Page::Collect)>{ctx.t(WMsg::CollectLink)}</button>
            }.into_any()
        } else {
            view! {
                <div class="cb-button-group cb-ws-top-actions">
                    <button type="button" class="cb-button" on:click=move |_| go(ctx, Page::RoomProjector)>{ctx.t(WMsg::RoomOnProjector)}</button>
                    <button type="button" class="cb-link" on:click=move |_| go(ctx, Page::Collect)>{ctx.t(WMsg::CollectMore)}</button>
                </div>
                {room_body(ctx, &s, false)}
                <h2>{ctx.t(WMsg::RoomCodeHeading)}</h2>
                <p>{ctx.t(WMsg::RoomCodeText)}</p>
                {code_box(ctx, "cb-ws-room-code", WMsg::RoomCodeBoxLabel, WMsg::RoomCodeBoxHint, Signal::derive(move || code.clone()))}
                <h2>{ctx.t(WMsg::ExportHeading)}</h2>
                <p>{ctx.t(WMsg::ExportText)}</p>
                <div class="cb-button-group">
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| export("csv")>{ctx.t(WMsg::RoomDownloadCsv)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| export("md")>{ctx.t(WMsg::RoomDownloadMarkdown)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| go(ctx, Page::Print)>{ctx.t(WMsg::PrintLink)}</button>
                </div>
            }.into_any()
        }}
        {x.is_none().then(|| view! { <p class="cb-hint">{ctx.t(WMsg::NoWorkshopDetails)}</p> })}
    }
    .into_any()
}

/// The room's results in large type across the whole screen, for the projector.
#[component]
pub(super) fn RoomProjector(ctx: Ctx, room: Room) -> impl IntoView {
    let s = room.summary();
    let exit = move || {
        fullscreen(None);
        go(ctx, Page::Room);
    };
    slide_keys(None, move |_| exit());
    let stage = NodeRef::<leptos::html::Div>::new();
    let code = s.code();
    view! {
        <div class="cb-ws-projector cb-ws-projector--room" node_ref=stage role="region" aria-label=ctx.t(WMsg::ProjectorRegion)>
            <div class="cb-ws-projector__nav cb-ws-projector__nav--top">
                <div class="cb-ws-projector__middle">{projector_controls(ctx, stage, exit)}</div>
            </div>
            <div class="cb-ws-slide">
                <p class="cb-ws-slide__kicker">{room.workshop().map(|x| x.title)}</p>
                <h1 tabindex="-1">{ctx.t(WMsg::RoomTitle)}</h1>
                {room_body(ctx, &s, true)}
                <h2>{ctx.t(WMsg::RoomCodeHeading)}</h2>
                <p class="cb-ws-slide__code"><code>{code}</code></p>
            </div>
        </div>
    }
}

// ── Print ──────────────────────────────────────────────────────────────────────────

pub(super) fn print_view(ctx: Ctx, room: Room) -> AnyView {
    // The summary uses the passport documents' print styles (`cb-print-`).
    ctx.add_stylesheet("passport-print.css");
    let s = room.summary();
    let x = room.workshop();
    // The fragment's own heading is this page's: it takes focus like any other.
    let html = ws::summary_html(&s, x.as_ref(), &ctx).replacen(
        "<h1 class=\"cb-print-title\">",
        "<h1 class=\"cb-print-title\" tabindex=\"-1\">",
        1,
    );
    view! {
        <div class="cb-ws-print-controls">
            {back(ctx, Page::Room, WMsg::BackToRoom)}
            <p>{ctx.t(WMsg::PrintText)}</p>
            <button type="button" class="cb-button" on:click=move |_| print()>{ctx.t(WMsg::PrintButton)}</button>
        </div>
        <div class="cb-ws-print" inner_html=html></div>
    }
    .into_any()
}
