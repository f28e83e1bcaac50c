import BuurtstemCore
import Statuut
import Testing

@Suite("Register extract parsing")
struct RegisterParserTests {
    let today = date("2026-11-01")

    func parse(_ text: String, keepNames: Bool = false) throws -> RegisterExtract {
        try RegisterParser.parse(Array(text.utf8), today: today, keepNames: keepNames)
    }

    @Test("semicolons, a BOM, Dutch headers and normalised postcodes")
    func dutch() throws {
        let extract = try parse(
            "\u{FEFF}id;postcode;huisnummer;toevoeging;geboortedatum;ingeschreven;uitgeschreven\nR1;1067pa;12;a;1980-01-02;2010-03-04;\nR2;1067-PB;3;;1990-01-01;2011-01-01;2020-02-02\n"
        )
        #expect(extract.rowsRead == 2)
        #expect(extract.rejects.isEmpty)
        #expect(extract.rows[0].address.description == "1067 PA 12-A")
        #expect(extract.rows[1].movedOut == date("2020-02-02"))
        #expect(extract.rows[0].line == 2)
    }

    @Test("commas, quotes, English headers, CRLF and names only when kept")
    func english() throws {
        let text = "ID,Postcode,House_Number,Birth_Year,Moved_In,Name\r\n\"R,1\",1067 PA,7,1975,2001-01-01,\"Jan \"\"Jantje\"\" Smit\"\r\n"
        let dropped = try parse(text)
        #expect(dropped.rows.first?.id == ResidentID("R,1"))
        #expect(dropped.rows.first?.birth == .year(1975))
        #expect(dropped.rows.first?.name == nil)
        #expect(try parse(text, keepNames: true).rows.first?.name == "Jan \"Jantje\" Smit")
    }

    @Test("every bad row is rejected with line, column and reason; nothing is dropped")
    func rejects() throws {
        let text = """
            id;postcode;huisnummer;geboortedatum;ingeschreven;uitgeschreven
            R1;1067 PA;1;1980-01-01;2010-01-01;
            R2;0167 PA;1;1980-01-01;2010-01-01;
            R3;1067 SS;1;1980-01-01;2010-01-01;
            R4;1067 PA;12a;1980-01-01;2010-01-01;
            R5;1067 PA;1;2030-01-01;2010-01-01;
            R6;1067 PA;1;1980-01-01;2010-01-01;2009-12-31
            R1;1067 PB;2;1980-01-01;2010-01-01;
            ;1067 PA;1;1980-01-01;2010-01-01;
            R9;1067 PA;1;1980-01-01
            R10;1067 PA;1;01-01-1980;2010-01-01;
            R11;1067 PA;1;1980-01-01;2027-01-01;

            """
        let extract = try parse(text)
        #expect(extract.rowsRead == 11)
        #expect(extract.rows.map(\.id.rawValue) == ["R1"])
        #expect(extract.rowsRead == extract.rows.count + extract.rejects.count)
        let seen = extract.rejects.map { "\($0.line) \($0.column ?? "-"): \($0.reason)" }
        #expect(
            seen == [
                "3 postcode: 0167 PA is not a Dutch postcode: Dutch postcodes never start with 0",
                "4 postcode: 1067 SS is not a Dutch postcode: the letter combination SS is never used in Dutch postcodes (SA, SD and SS are not issued)",
                "5 huisnummer: 12a is not a house number (a whole number from 1; an addition goes in toevoeging)",
                "6 geboortedatum: 2030-01-01 is in the future (the extract is of 2026-11-01)",
                "7 uitgeschreven: move-out 2009-12-31 is before move-in 2010-01-01",
                "8 id: duplicate id R1: already on line 2",
                "9 id: is empty: every row needs a pseudonymous id",
                "10 -: has 4 fields, the header has 6",
                "11 geboortedatum: 01-01-1980 is not a date (write YYYY-MM-DD)",
                "12 ingeschreven: 2027-01-01 is in the future (the extract is of 2026-11-01)",
            ])
        #expect(extract.rejects[0].raw == "R2;0167 PA;1;1980-01-01;2010-01-01;")
    }

    @Test("text that is not UTF-8 is rejected by row, not guessed")
    func encoding() throws {
        var bytes = Array("id;postcode;huisnummer\nR1;1067 PA;1\n".utf8)
        bytes += [UInt8(ascii: "R"), 0xE9, UInt8(ascii: ";")] + Array("1067 PA;2\n".utf8)
        let extract = try RegisterParser.parse(bytes, today: today)
        #expect(extract.rows.count == 1)
        #expect(extract.rejects.first?.reason == "is not valid UTF-8 (save the file as UTF-8)")
        #expect(extract.rejects.first?.line == 3)
    }

    @Test("a missing required column is an error for the whole file")
    func missingColumn() {
        #expect(throws: RegisterFileError(message: "line 1: missing required column huisnummer (the header has: id, postcode, geboortedatum)")) {
            try parse("id;postcode;geboortedatum\nR1;1067 PA;1980-01-01\n")
        }
        #expect(throws: RegisterFileError.self) { try parse("") }
    }
}
