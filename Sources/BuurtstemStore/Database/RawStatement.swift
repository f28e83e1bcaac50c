import GRDB
import GRDBSQLite
import Statuut

/// A prepared statement driven through SQLite's C interface, for the few loops that write or
/// read a million rows (register import, electorate, audit verification). Binding bytes
/// directly avoids a Swift value per column; everything else goes through GRDB.
struct RawStatement {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    func bind(_ index: Int32, bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_text(handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
    }

    func bind(_ index: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { bind(index, bytes: $0) }
    }

    func bind(_ index: Int32, text: String?) {
        guard var text else { return bindNull(index) }
        text.withUTF8 { bind(index, bytes: UnsafeRawBufferPointer($0)) }
    }

    func bind(_ index: Int32, int: Int?) {
        guard let int else { return bindNull(index) }
        sqlite3_bind_int64(handle, index, Int64(int))
    }

    func bind(_ index: Int32, blob: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(handle, index, blob.baseAddress, Int32(blob.count), Self.transient)
    }

    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    /// Runs a write; throws SQLite's message on failure.
    func execute() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps a read: true while there is a row.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
        return false
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    /// The column's text or blob bytes, valid only inside `body`.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    func text(_ column: Int32) -> String? {
        isNull(column) ? nil : withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// SQLite's error as GRDB's, so callers see its code (a full disk is `SQLITE_FULL` wherever it happens).
    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
    }
}

/// Writing the store's text values as bytes.
enum StoredBytes {
    /// `YYYY-MM-DD`
    static func appendDate(_ date: CivilDate, to out: inout [UInt8]) {
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var v = value
            for _ in 0..<count {
                out.append(UInt8(48 + v / divisor % 10))
                v %= divisor
                divisor /= 10
                if divisor == 0 { break }
            }
        }
        digits(date.year, 4)
        out.append(UInt8(ascii: "-"))
        digits(date.month, 2)
        out.append(UInt8(ascii: "-"))
        digits(date.day, 2)
    }

    /// `1067 PA`
    static func appendPostcode(_ postcode: Postcode, to out: inout [UInt8]) {
        let d = postcode.digits
        out.append(UInt8(48 + d / 1000))
        out.append(UInt8(48 + d / 100 % 10))
        out.append(UInt8(48 + d / 10 % 10))
        out.append(UInt8(48 + d % 10))
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: postcode.letters.utf8)
    }
}
