//! The TypeScript bindings in ui/src/lib/bindings.ts are generated from the Rust commands and
//! types. This test fails when they are stale; `ATTACHE_WRITE_BINDINGS=1 cargo test -p attache
//! --test bindings` (or `cargo xtask bindings`) rewrites them.

use std::path::PathBuf;

use specta_typescript::Typescript;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts")
}

fn generate() -> String {
    let out = std::env::temp_dir().join(format!("attache-bindings-{}.ts", std::process::id()));
    let language = Typescript::default().header(
        "// Generated from the Rust commands by tauri-specta. Do not edit: run `cargo xtask bindings`.\n// @ts-nocheck",
    );
    attache_lib::specta_builder().export(language, &out).expect("bindings export");
    let text = std::fs::read_to_string(&out).expect("read generated bindings");
    let _ = std::fs::remove_file(&out);
    text
}

#[test]
fn typescript_bindings_are_current() {
    let fresh = generate();
    let path = committed_path();
    if std::env::var_os("ATTACHE_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "ui/src/lib/bindings.ts is stale: run `cargo xtask bindings` and commit the result");
}
