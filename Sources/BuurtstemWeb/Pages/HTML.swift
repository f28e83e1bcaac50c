import BuurtstemCore
import BuurtstemDocuments
public import Hummingbird

/// The glue between the templates and a response: the layout around a page body made by a
/// template (`layout.mustache`, 320 px wide without JavaScript), and amounts the Dutch way.
enum HTML {
    /// Whole euros the Dutch way: `€ 25.000`.
    static func euros(_ amount: Int) -> String { Amounts.euros(amount) }

    /// A whole page: `body` (made by a page template) in the layout, as an HTML response.
    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], wide: Bool = false) -> Response {
        let html = PageTemplates.library.render("layout", ["title": title, "body": body, "wide": wide])
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: .init(string: html)))
    }
}
