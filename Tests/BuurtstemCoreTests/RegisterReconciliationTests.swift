import Statuut
import Testing

@testable import BuurtstemCore

@Suite("Reconciling a new register extract")
struct RegisterReconciliationTests {
    static let home = Address(postcode: try! Postcode(parsing: "1067 PB"), houseNumber: 5, addition: nil)
    static let elsewhere = Address(postcode: try! Postcode(parsing: "1068 AA"), houseNumber: 12, addition: nil)
    static let extract = date("2026-11-01")

    static func row(_ address: Address, movedIn: String? = nil, movedOut: String? = nil, name: String? = nil) -> RegisterRow {
        RegisterRow(
            line: 2, id: ResidentID("R1"), address: address, birth: .year(1980), movedIn: movedIn.map(date), movedOut: movedOut.map(date), name: name)
    }

    static func known(_ address: Address, movedIn: String? = "2010-01-01", movedOut: String? = nil, name: String? = nil) -> RegisterReconciliation.Known {
        .init(address: address, movedIn: movedIn.map(date), movedOut: movedOut.map(date), birth: .year(1980), name: name)
    }

    @Test("new, unchanged, a move (closing the old period), a move-out, a return after leaving, a changed name, and someone absent")
    func changes() {
        typealias R = RegisterReconciliation
        #expect(R.changes(Self.row(Self.home), known: nil, extractDate: Self.extract) == [.new])
        #expect(R.changes(Self.row(Self.home), known: Self.known(Self.home), extractDate: Self.extract).isEmpty)
        #expect(
            R.changes(Self.row(Self.elsewhere, movedIn: "2026-09-01"), known: Self.known(Self.home), extractDate: Self.extract)
                == [.move(closeOn: date("2026-09-01"), movedIn: date("2026-09-01"))])
        // No move-in date: from the extract's date, never before the old period began.
        #expect(
            R.changes(Self.row(Self.elsewhere), known: Self.known(Self.home, movedIn: "2026-12-01"), extractDate: Self.extract)
                == [.move(closeOn: date("2026-12-01"), movedIn: date("2026-12-01"))])
        #expect(
            R.changes(Self.row(Self.home, movedOut: "2026-10-15"), known: Self.known(Self.home), extractDate: Self.extract)
                == [.moveOut(on: date("2026-10-15"))])
        // Back at the same address after leaving: a new period, the old one stays closed.
        #expect(
            R.changes(Self.row(Self.home, movedIn: "2026-10-01"), known: Self.known(Self.home, movedOut: "2025-05-01"), extractDate: Self.extract)
                == [.move(closeOn: nil, movedIn: date("2026-10-01"))])
        #expect(
            R.changes(Self.row(Self.home, name: "A. Bakker"), known: Self.known(Self.home, name: "A. Jansen"), extractDate: Self.extract)
                == [.update(name: "A. Bakker", nameChanged: true)])
        // An extract without names keeps the name on record.
        #expect(R.changes(Self.row(Self.home), known: Self.known(Self.home, name: "A. Jansen"), extractDate: Self.extract).isEmpty)
        #expect(R.absent(Self.known(Self.home), extractDate: Self.extract) == Self.extract)
        #expect(R.absent(Self.known(Self.home, movedOut: "2026-01-01"), extractDate: Self.extract) == nil)
    }
}
