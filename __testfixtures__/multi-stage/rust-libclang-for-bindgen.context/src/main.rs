fn main() {
    let db = rocksdb::DB::open_default("/data/kv").unwrap();
    db.put(b"started", b"1").unwrap();
}
