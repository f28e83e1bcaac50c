public import BuurtstemCore
public import Statuut

/// Printed letters with voting codes: one A4 page per member (HTML with print CSS), with the
/// address block, the code in large type, a QR code to the voting page and short instructions in
/// Dutch and English. The only other place a plain code exists is the 0600 file it is made from.
public enum Letters {
    public struct Letter: Sendable {
        public var member: ResidentID
        public var name: String?
        public var address: Address?
        public var code: VotingCode

        public init(member: ResidentID, name: String?, address: Address?, code: VotingCode) {
            self.member = member
            self.name = name
            self.address = address
            self.code = code
        }
    }

    /// The letters as one HTML document, a page each (template `letters.mustache`).
    public static func html(association: String, assembly: Assembly, url: String, letters: [Letter]) -> String {
        let qr = QRCode.svg(url, moduleSize: 4) ?? ""
        let pages: [[String: Any]] = letters.map { letter in
            [
                "association": association, "date": assembly.date.description, "place": assembly.place, "url": url, "qr": qr,
                "member": letter.member.rawValue, "code": letter.code.description,
                "addressLines": [letter.name, letter.address.map { "\($0)" }].compactMap { $0 },
            ]
        }
        return DocumentTemplates.render("letters", ["date": assembly.date.description, "letters": pages])
    }
}
