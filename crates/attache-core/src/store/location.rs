//! Where the data file lives, and whether that place puts it at risk. SQLite's locking is not
//! reliable over network file systems, and a folder that a cloud service synchronises may copy
//! the file in the middle of a write, or bring back an older copy over a newer one. Attaché
//! works there, but says so.

use std::path::Path;

use serde::Serialize;
use specta::Type;

/// Why the data folder's place is risky.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum StorageRisk {
    /// On a network file system (`filesystem` as the system names it: nfs, cifs…), or a
    /// Windows network path.
    Network { filesystem: String },
    /// Inside a folder that a cloud service synchronises (`service`: Dropbox, OneDrive…).
    Synchronised { service: String },
}

/// Folder names the synchronising services give their folders, with the service's name.
const SYNCED_FOLDERS: &[(&str, &str)] = &[
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("box", "Box"),
    ("box sync", "Box"),
    ("pcloud", "pCloud"),
    ("pcloud drive", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("yandex.disk", "Yandex Disk"),
    ("yandexdisk", "Yandex Disk"),
    ("mega", "MEGA"),
    ("megasync", "MEGA"),
    ("sync", "Sync.com"),
];

/// File system types (as Linux's mount table names them) that live on another machine.
const NETWORK_FILESYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "afs",
    "ceph",
    "glusterfs",
    "9p",
    "fuse.gvfsd-fuse",
];

/// The risk of keeping the data folder `dir` where it is, if any.
pub fn risk(dir: &Path) -> Option<StorageRisk> {
    synchronised(dir).or_else(|| network(dir))
}

fn synchronised(dir: &Path) -> Option<StorageRisk> {
    dir.components().find_map(|part| {
        let name = part.as_os_str().to_string_lossy().to_lowercase();
        SYNCED_FOLDERS.iter().find_map(|(folder, service)| {
            // "OneDrive - Contoso" is OneDrive's business folder.
            let matches = name == *folder || name.starts_with(&format!("{folder} - "));
            matches.then(|| StorageRisk::Synchronised { service: (*service).to_owned() })
        })
    })
}

fn network(dir: &Path) -> Option<StorageRisk> {
    let text = dir.to_string_lossy();
    if (text.starts_with(r"\\") && !text.starts_with(r"\\?\")) || text.starts_with(r"\\?\UNC\") {
        return Some(StorageRisk::Network { filesystem: "smb".to_owned() });
    }
    let filesystem = mounted_filesystem(dir)?;
    NETWORK_FILESYSTEMS.contains(&filesystem.as_str()).then_some(StorageRisk::Network { filesystem })
}

/// The type of the file system `dir` is on, from Linux's mount table (None elsewhere).
fn mounted_filesystem(dir: &Path) -> Option<String> {
    let table = std::fs::read_to_string("/proc/self/mounts").ok()?;
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    filesystem_in(&table, &dir)
}

/// The type of the file system whose mount point is the longest one holding `dir`.
fn filesystem_in(table: &str, dir: &Path) -> Option<String> {
    table
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            // Spaces in mount points are written as \040.
            let point = fields.next()?.replace("\\040", " ");
            let kind = fields.next()?;
            dir.starts_with(&point).then(|| (point.len(), kind.to_owned()))
        })
        .max_by_key(|(length, _)| *length)
        .map(|(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTS: &str = "/dev/vda1 / ext4 rw 0 0\n\
        server:/export/home /home/olga/shared nfs4 rw 0 0\n\
        //fileserver/office /mnt/office\\040files cifs rw 0 0\n\
        tmpfs /tmp tmpfs rw 0 0\n";

    #[test]
    fn a_folder_on_a_network_mount_is_found_by_its_longest_mount_point() {
        assert_eq!(filesystem_in(MOUNTS, Path::new("/home/olga/shared/attache")).as_deref(), Some("nfs4"));
        assert_eq!(filesystem_in(MOUNTS, Path::new("/mnt/office files/attache")).as_deref(), Some("cifs"));
        assert_eq!(filesystem_in(MOUNTS, Path::new("/home/olga/.local/share/attache")).as_deref(), Some("ext4"));
    }

    #[test]
    fn a_folder_a_cloud_service_synchronises_is_named_by_the_service() {
        let service = |path: &str| match synchronised(Path::new(path)) {
            Some(StorageRisk::Synchronised { service }) => Some(service),
            _ => None,
        };
        assert_eq!(service("/home/olga/Dropbox/attache").as_deref(), Some("Dropbox"));
        assert_eq!(service("C:/Users/olga/OneDrive - Sialkot Chamber/attache").as_deref(), Some("OneDrive"));
        assert_eq!(
            service("/Users/olga/Library/Mobile Documents/com~apple~CloudDocs/attache").as_deref(),
            Some("iCloud Drive")
        );
        assert_eq!(service("/home/olga/.local/share/org.attache.desktop"), None);
        // A word inside a folder's name is not the service's folder.
        assert_eq!(service("/home/olga/dropbox-notes-old/attache"), None);
    }

    #[test]
    fn a_windows_network_path_is_a_network_place() {
        assert_eq!(
            network(Path::new(r"\\fileserver\office\attache")),
            Some(StorageRisk::Network { filesystem: "smb".into() })
        );
        assert_eq!(
            network(Path::new(r"\\?\UNC\fileserver\office")),
            Some(StorageRisk::Network { filesystem: "smb".into() })
        );
    }
}
