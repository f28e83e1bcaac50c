import BuurtstemCore
import BuurtstemDocuments
public import Hummingbird

/// Minimal server-side HTML: escaping, a page layout that works at 320 px without JavaScript,
/// and Dutch with English beside it.
enum HTML {
    /// Escapes text for HTML content and attribute values.
    static func h(_ text: String) -> String { HTMLText.escape(text) }

    /// A bilingual string: Dutch first, English beside it in a smaller, lighter line.
    static func both(_ nl: String, _ en: String) -> String {
        "\(h(nl)) <span class=\"en\" lang=\"en\">\(h(en))</span>"
    }

    /// Dutch and English on one line, for short labels inside a sentence or a table cell.
    static func inline(_ nl: String, _ en: String) -> String {
        "\(h(nl)) <span class=\"en-i\" lang=\"en\">/ \(h(en))</span>"
    }

    /// Whole euros the Dutch way: `€ 25.000`.
    static func euros(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return "€ " + (amount < 0 ? "-" : "") + grouped
    }

    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], wide: Bool = false) -> Response {
        let html = PageTemplates.library.render("layout", ["title": title, "body": body, "wide": wide])
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: .init(string: html)))
    }
}
