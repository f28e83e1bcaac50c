public import Statuut

/// Reads a municipality's residents' extract (CSV, `;` or `,`, UTF-8 with or without BOM).
///
/// Columns by header name, Dutch or English, in any order: `id` (required), `postcode`
/// (required), `huisnummer`/`house_number` (required), `toevoeging`/`addition`,
/// `geboortedatum`/`birth_date` or `geboortejaar`/`birth_year`, `ingeschreven`/`moved_in`,
/// `uitgeschreven`/`moved_out`, `naam`/`name`. Every row ends up imported or rejected with its
/// line, column and reason; nothing is dropped.
public enum RegisterParser {
    /// Canonical column names and their accepted spellings.
    public static let columnAliases: [String: [String]] = [
        "id": ["id", "pseudoniem", "pseudonym"],
        "postcode": ["postcode", "postal_code", "postalcode", "zip"],
        "huisnummer": ["huisnummer", "house_number", "housenumber", "number"],
        "toevoeging": ["toevoeging", "huisnummertoevoeging", "addition", "house_number_addition"],
        "geboortedatum": ["geboortedatum", "birth_date", "birthdate", "date_of_birth"],
        "geboortejaar": ["geboortejaar", "birth_year", "birthyear", "year_of_birth"],
        "ingeschreven": ["ingeschreven", "inschrijfdatum", "moved_in", "move_in", "registered"],
        "uitgeschreven": ["uitgeschreven", "uitschrijfdatum", "moved_out", "move_out", "deregistered"],
        "naam": ["naam", "name"],
    ]
    static let required = ["id", "postcode", "huisnummer"]

    /// Parses an extract. `today` is the date the extract describes: later dates are rejected.
    /// `keepNames` keeps the `naam` column (only when the association keeps names).
    /// `progress` is called now and then with the number of bytes read.
    public static func parse(
        _ bytes: [UInt8], today: CivilDate, keepNames: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws(RegisterFileError) -> RegisterExtract {
        var buffer = bytes
        let result: Result<RegisterExtract, RegisterFileError> = buffer.withUnsafeMutableBufferPointer { buffer in
            do throws(RegisterFileError) {
                return .success(try parse(buffer, today: today, keepNames: keepNames, progress: progress))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parse(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, today: CivilDate, keepNames: Bool, progress: ((Int) -> Void)?
    ) throws(RegisterFileError) -> RegisterExtract {
        let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        let separator = detectSeparator(UnsafeBufferPointer(buffer), from: start)
        var reader = CSVReader(buffer: buffer, separator: separator, start: start)
        var header = CSVReader.Record()
        guard reader.next(into: &header) else { throw RegisterFileError(message: "the file is empty: expected a header line with column names") }
        var index: [String: Int] = [:]
        var unknown: [String] = []
        for (position, raw) in header.fields.enumerated() {
            let name = String(decoding: raw, as: UTF8.self).trimmingSpaces().lowercased()
            guard let canonical = columnAliases.first(where: { $0.value.contains(name) })?.key else {
                if !name.isEmpty { unknown.append(name) }
                continue
            }
            if index[canonical] != nil {
                throw RegisterFileError(message: "line \(header.line): the column \(canonical) appears twice in the header")
            }
            index[canonical] = position
        }
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw RegisterFileError(
                message: "line \(header.line): missing required column\(missing.count == 1 ? "" : "s") "
                    + missing.joined(separator: ", ") + " (the header has: "
                    + header.fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ", ") + ")")
        }

        var rows: [RegisterRow] = []
        var rejects: [RegisterReject] = []
        var seen: [ResidentID: Int] = [:]
        seen.reserveCapacity(buffer.count / 40)
        rows.reserveCapacity(buffer.count / 45)
        let columnsIndex = ColumnIndex(index)
        var read = 0
        var lastReport = 0
        var record = CSVReader.Record()
        record.fields.reserveCapacity(16)
        while reader.next(into: &record) {
            read += 1
            if let progress, reader.offset - lastReport > 1 << 20 {
                lastReport = reader.offset
                progress(reader.offset)
            }
            switch validate(record, index: columnsIndex, columns: header.fields.count, today: today, keepNames: keepNames) {
            case .success(let row):
                if let first = seen[row.id] {
                    rejects.append(
                        RegisterReject(
                            line: record.line, column: "id",
                            reason: "duplicate id \(row.id): already on line \(first)", raw: raw(record, separator)))
                } else {
                    seen[row.id] = record.line
                    rows.append(row)
                }
            case .failure(let reject):
                var reject = reject
                reject.raw = raw(record, separator)
                rejects.append(reject)
            }
        }
        progress?(buffer.count)
        let columns = index.sorted { $0.value < $1.value }.map(\.key)
        return RegisterExtract(rows: rows, rejects: rejects, rowsRead: read, columns: columns)
    }

    private static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var position = start
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            if bytes[position] == UInt8(ascii: ";") { semicolons += 1 }
            if bytes[position] == UInt8(ascii: ",") { commas += 1 }
            position += 1
        }
        return semicolons >= commas && semicolons > 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    private static func raw(_ record: CSVReader.Record, _ separator: UInt8) -> String {
        var bytes: [UInt8] = []
        for (index, field) in record.fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            bytes.append(contentsOf: field)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Column positions, resolved once per file (not per field).
    struct ColumnIndex {
        let positions: [String: Int]
        let id, postcode, huisnummer, toevoeging, geboortedatum, geboortejaar, ingeschreven, uitgeschreven, naam: Int?
        init(_ positions: [String: Int]) {
            self.positions = positions
            id = positions["id"]
            postcode = positions["postcode"]
            huisnummer = positions["huisnummer"]
            toevoeging = positions["toevoeging"]
            geboortedatum = positions["geboortedatum"]
            geboortejaar = positions["geboortejaar"]
            ingeschreven = positions["ingeschreven"]
            uitgeschreven = positions["uitgeschreven"]
            naam = positions["naam"]
        }
    }

    private static func validate(
        _ record: CSVReader.Record, index: ColumnIndex, columns: Int, today: CivilDate, keepNames: Bool
    ) -> Result<RegisterRow, RegisterReject> {
        func reject(_ column: String?, _ reason: String) -> Result<RegisterRow, RegisterReject> {
            .failure(RegisterReject(line: record.line, column: column, reason: reason, raw: ""))
        }
        if record.unterminatedQuote { return reject(nil, "a quoted field is never closed") }
        if record.fields.count != columns {
            return reject(nil, "has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header has \(columns)")
        }
        func field(_ position: Int?) -> UnsafeBufferPointer<UInt8>? {
            guard let position else { return nil }
            let value = trim(record.fields[position])
            return value.isEmpty ? nil : value
        }
        func text(_ name: String, _ position: Int?) -> Result<String?, RegisterReject> {
            guard let bytes = field(position) else { return .success(nil) }
            guard let string = String(validating: bytes, as: UTF8.self) else {
                return .failure(RegisterReject(line: record.line, column: name, reason: "is not valid UTF-8 (save the file as UTF-8)", raw: ""))
            }
            return .success(string)
        }
        func date(_ name: String, _ position: Int?) -> Result<CivilDate?, RegisterReject> {
            guard let bytes = field(position) else { return .success(nil) }
            guard let date = CivilDate(isoUTF8: bytes) else {
                return .failure(
                    RegisterReject(
                        line: record.line, column: name,
                        reason: "\(String(decoding: bytes, as: UTF8.self)) is not a date (write YYYY-MM-DD)", raw: ""))
            }
            if date > today {
                return .failure(RegisterReject(line: record.line, column: name, reason: "\(date) is in the future (the extract is of \(today))", raw: ""))
            }
            return .success(date)
        }

        let idText: String?
        switch text("id", index.id) {
        case .success(let v): idText = v
        case .failure(let r): return .failure(r)
        }
        guard let idText else { return reject("id", "is empty: every row needs a pseudonymous id") }

        guard let postcodeBytes = field(index.postcode) else { return reject("postcode", "is empty") }
        let postcode: Postcode
        do { postcode = try Postcode(utf8: postcodeBytes) } catch {
            return reject("postcode", "\(String(decoding: postcodeBytes, as: UTF8.self)) is not a Dutch postcode: \(error)")
        }
        guard let numberBytes = field(index.huisnummer) else { return reject("huisnummer", "is empty") }
        guard numberBytes.count <= 6, numberBytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            case let houseNumber = numberBytes.reduce(0, { $0 * 10 + Int($1 - 48) }), houseNumber >= 1
        else {
            return reject(
                "huisnummer", "\(String(decoding: numberBytes, as: UTF8.self)) is not a house number (a whole number from 1; an addition goes in toevoeging)")
        }
        var addition: String?
        switch text("toevoeging", index.toevoeging) {
        case .success(let v): addition = v?.uppercased()
        case .failure(let r): return .failure(r)
        }
        if let a = addition, a.count > 4 { return reject("toevoeging", "\(a) is longer than the 4 characters an addition may have") }

        var birth: Birth?
        switch date("geboortedatum", index.geboortedatum) {
        case .success(let d): birth = d.map(Birth.date)
        case .failure(let r): return .failure(r)
        }
        if let yearBytes = field(index.geboortejaar) {
            guard yearBytes.count == 4, let year = Int(String(decoding: yearBytes, as: UTF8.self)), year >= 1880, year <= today.year else {
                return reject("geboortejaar", "\(String(decoding: yearBytes, as: UTF8.self)) is not a birth year (four digits, not in the future)")
            }
            if case .date(let d)? = birth {
                guard d.year == year else { return reject("geboortejaar", "\(year) does not agree with geboortedatum \(d)") }
            } else {
                birth = .year(year)
            }
        }
        let movedIn: CivilDate?
        switch date("ingeschreven", index.ingeschreven) {
        case .success(let d): movedIn = d
        case .failure(let r): return .failure(r)
        }
        let movedOut: CivilDate?
        switch date("uitgeschreven", index.uitgeschreven) {
        case .success(let d): movedOut = d
        case .failure(let r): return .failure(r)
        }
        if let movedIn, let movedOut, movedOut < movedIn {
            return reject("uitgeschreven", "move-out \(movedOut) is before move-in \(movedIn)")
        }
        if case .date(let born)? = birth, let movedIn, movedIn < born {
            return reject("ingeschreven", "move-in \(movedIn) is before the birth date \(born)")
        }
        var name: String?
        if keepNames {
            switch text("naam", index.naam) {
            case .success(let v): name = v
            case .failure(let r): return .failure(r)
            }
        }
        return .success(
            RegisterRow(
                line: record.line, id: ResidentID(idText), address: Address(postcode: postcode, houseNumber: houseNumber, addition: addition),
                birth: birth, movedIn: movedIn, movedOut: movedOut, name: name))
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
