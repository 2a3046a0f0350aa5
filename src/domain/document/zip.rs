//! A minimal ZIP writer for the Word export: entries STORED (no compression), each with
//! its CRC-32, a central directory and the end record (PKWARE APPNOTE 6.3, section 4).
//! Fixed timestamps (1 January 1980) make the output depend on the contents only.

use crate::domain::checksum::crc32;

/// DOS date of 1 January 1980 (year 0, month 1, day 1); time 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive of `(name, contents)` entries, in order. Sizes must fit ZIP's 32 bits
/// (4 GB), far beyond any document this tool writes.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(data), data.len() as u32);
        // Fields shared by the local header and the central directory entry, from
        // "version needed" to the name's length.
        let mut common = Vec::new();
        u16le(&mut common, 20); // version needed: 2.0
        u16le(&mut common, 0x0800); // flags: names are UTF-8
        u16le(&mut common, 0); // method: stored
        u16le(&mut common, 0); // time
        u16le(&mut common, DOS_DATE);
        u32le(&mut common, crc);
        u32le(&mut common, size); // compressed size
        u32le(&mut common, size);
        u16le(&mut common, name.len() as u16);

        u32le(&mut out, 0x0403_4b50);
        out.extend_from_slice(&common);
        u16le(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: 2.0, MS-DOS
        central.extend_from_slice(&common);
        u16le(&mut central, 0); // extra field length
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk number
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0); // this disk
    u16le(&mut out, 0); // disk with the central directory
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0); // comment length
    out
}
