public import BuurtstemCore
import BuurtstemStore
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

    /// The letters as one HTML document, a page each.
    public static func html(association: String, assembly: Assembly, url: String, letters: [Letter]) -> String {
        let qr = QRCode.svg(url, moduleSize: 4) ?? ""
        let pages = letters.map { letter in
            let address = [letter.name, letter.address.map { "\($0)" }].compactMap { $0 }.map(HTML.h).joined(separator: "<br>")
            return """
                <section class="letter">
                <p class="from">\(HTML.h(association))</p>
                <p class="to">\(address.isEmpty ? HTML.h(letter.member.rawValue) : address)</p>
                <h1>Uw stemcode voor de vergadering van \(assembly.date)</h1>
                <p>Op \(assembly.date) vergaderen de bewoners in \(HTML.h(assembly.place)). U stemt daar op uw eigen telefoon.</p>
                <ol>
                <li>Meld u aan bij de balie. Daar wordt uw code actief.</li>
                <li>Ga naar <strong>\(HTML.h(url))</strong> (of scan de QR-code) en vul uw code in.</li>
                <li>Kies, controleer en bevestig. U krijgt een ontvangstbewijs; niemand ziet wat u stemde.</li>
                </ol>
                <p class="code">\(HTML.h(letter.code.description))</p>
                <div class="qr">\(qr)</div>
                <h2 lang="en">Your voting code for the assembly of \(assembly.date)</h2>
                <p lang="en">Check in at the desk (that activates your code), go to \(HTML.h(url)) or scan the QR code, enter your
                code, choose, check and confirm. You get a receipt; nobody can see how you voted. Keep this letter to yourself.</p>
                <p class="small">Lid / member: \(HTML.h(letter.member.rawValue)) · Bewaar deze brief; geef de code aan niemand.</p>
                </section>
                """
        }.joined()
        return """
            <!doctype html>
            <html lang="nl">
            <head><meta charset="utf-8"><title>Stemcodes \(assembly.date)</title>
            <style>
            @page { size: A4; margin: 20mm; }
            body { font: 12pt/1.45 system-ui, sans-serif; color: #000; }
            .letter { page-break-after: always; min-height: 250mm; }
            .from { font-weight: 700; }
            .to { margin: 12mm 0 16mm; min-height: 25mm; }
            h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 10mm; }
            .code { font: 700 26pt/1.2 ui-monospace, monospace; letter-spacing: .08em; border: 2px solid #000; padding: 4mm; text-align: center; }
            .qr svg { width: 35mm; height: 35mm; }
            .small { font-size: 9pt; color: #333; }
            </style></head>
            <body>\(pages)</body></html>
            """
    }
}
