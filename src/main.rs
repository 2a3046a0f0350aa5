//! The browser app's entry point, built by Trunk for wasm32 (`scripts/dev serve`).

#[cfg(target_arch = "wasm32")]
fn main() {
    carer_benchmark::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in the browser: use `scripts/dev serve`. For the command line, run `cargo run --bin benchmark`.");
    std::process::exit(2);
}
