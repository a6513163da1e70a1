// Declares the app's own commands to Tauri's ACL. The list is read from permissions/app.toml,
// whose `allow-app-commands` set grants them to the main window (capabilities/main.json), so
// the commands exist in one hand-kept place; tests/acl.rs checks it against the generated
// bindings. A command missing there is refused at run time, and the end-to-end tests see it.

const PERMISSIONS: &str = "permissions/app.toml";

fn main() {
    println!("cargo:rerun-if-changed={PERMISSIONS}");
    let toml = std::fs::read_to_string(PERMISSIONS).expect("permissions/app.toml is readable");
    let commands: Vec<&'static str> = toml
        .split('"')
        .filter_map(|quoted| quoted.strip_prefix("allow-"))
        .filter(|name| *name != "app-commands")
        .map(|name| &*Box::leak(name.replace('-', "_").into_boxed_str()))
        .collect();
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
