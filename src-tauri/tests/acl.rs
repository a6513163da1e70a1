//! The app's commands are named in two places: the generated bindings (what the UI calls) and
//! permissions/app.toml (what the window may call, and, read by build.rs, what the ACL knows).
//! A command missing from the permissions is refused at run time, so this test keeps them equal.

use std::collections::BTreeSet;

fn quoted_after(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text.find(start).expect("start marker") + start.len();
    let to = from + text[from..].find(end).expect("end marker");
    text[from..to].split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn bindings_and_permissions_name_the_same_commands() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| std::fs::read_to_string(format!("{dir}/{path}")).expect(path);

    let permitted: BTreeSet<String> = quoted_after(&read("permissions/app.toml"), "permissions = [", "]")
        .into_iter()
        .map(|p| p.trim_start_matches("allow-").replace('-', "_"))
        .collect();
    let bindings = read("../ui/src/lib/bindings.ts");
    let called: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE<")
        .skip(1)
        .filter_map(|call| call.split_once(">(\"").and_then(|(_, rest)| rest.split('"').next()).map(str::to_owned))
        .collect();

    assert!(called.len() > 50, "found only {} commands in the bindings", called.len());
    assert_eq!(permitted, called, "permissions/app.toml and the generated bindings differ");
}
