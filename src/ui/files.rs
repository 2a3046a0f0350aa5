//! Moving bytes between the browser and the user: downloads (Blob + object URL) and
//! reading a chosen file.

use crate::domain::format;
use crate::domain::model::Assessment;
use chrono::NaiveDate;
use wasm_bindgen::JsCast;

/// The media type of a Word (.docx) document.
pub const WORD_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Offers an assessment as its `.json` file, the file the start page imports, named
/// after the organisation and the day `on`.
pub fn download_assessment(assessment: &Assessment, on: NaiveDate) -> Result<(), String> {
    let name = format::file_name(&assessment.organisation.name, on, "json");
    download(&name, "application/json", format::to_json(assessment).as_bytes())
}

/// Offers `bytes` to the user as a file called `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &props).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(err)?;
    a.click();
    a.remove();
    web_sys::Url::revoke_object_url(&url).map_err(err)?;
    Ok(())
}

/// A file the user chose: its name, and its bytes, or its size in bytes when that is
/// over the file format's limit ([`format::MAX_BYTES`](crate::domain::format::MAX_BYTES)):
/// such a file is refused by its size and never read.
pub struct Chosen {
    pub name: String,
    pub bytes: Result<Vec<u8>, u64>,
}

/// The first file chosen in a file input.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<Chosen> {
    let file = input.files()?.get(0)?;
    Some(Chosen { name: file.name(), bytes: read(&file).await? })
}

async fn read(file: &web_sys::File) -> Option<Result<Vec<u8>, u64>> {
    let size = file.size() as u64;
    if size > crate::domain::format::MAX_BYTES as u64 {
        return Some(Err(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Ok(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Every file chosen in a file input (`multiple`), in order; a file that cannot be read
/// comes back with no bytes.
pub async fn read_all_chosen(input: &web_sys::HtmlInputElement) -> Vec<Chosen> {
    let Some(list) = input.files() else { return Vec::new() };
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        out.push(Chosen { name: file.name(), bytes: read(&file).await.unwrap_or(Ok(Vec::new())) });
    }
    out
}
