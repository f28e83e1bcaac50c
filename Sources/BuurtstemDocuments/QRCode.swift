import CQREncode

/// QR codes through Debian's libqrencode, drawn as SVG by the template `qr` (no image library, no script).
public enum QRCode {
    /// An SVG QR code for `text` (error correction level M), or nil if it cannot be encoded.
    public static func svg(_ text: String, moduleSize: Int = 6) -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let quiet = 4
        let size = (width + 2 * quiet) * moduleSize
        var path = ""
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                path += "M\((x + quiet) * moduleSize) \((y + quiet) * moduleSize)h\(moduleSize)v\(moduleSize)h-\(moduleSize)z"
            }
        }
        return DocumentTemplates.render("qr", ["size": size, "path": path])
    }
}
