// libFuzzer harness: API response decoding, the way APIClient decodes every answer. The first
// byte picks the HTTP status (mostly 200) and the output type; the rest is the body. Every
// error must be a TencentCloudError whose description is one line without control characters
// (it is printed as one line in the terminal). Built by scripts/fuzz together with
// Sources/TencentCloud/Client/ResponseDecoder.swift, Errors, HTTPTransport and the CVM models.

private let statuses = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 502, 404, 301, 500]

private func check(_ error: TencentCloudError) {
    let text = error.description
    precondition(
        !text.unicodeScalars.contains {
            [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }, "an error description with a control character or newline")
}

private func decode<Output: Decodable>(_ response: HTTPResponse, as type: Output.Type) {
    do {
        _ = try ResponseDecoder.decode(response, action: "DescribeImages", as: type)
    } catch {
        check(error)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let response = HTTPResponse(status: statuses[selector & 0x0F], headers: ["content-type": "text/html"], body: body)
    switch selector >> 4 {
    case 0...7: decode(response, as: ImagePage.self)
    case 8...9: decode(response, as: DescribeImageSharePermissionResponse.self)
    case 10: decode(response, as: DescribeRegionsResponse.self)
    case 11: decode(response, as: DescribeImageQuotaResponse.self)
    case 12: decode(response, as: CallerIdentity.self)
    default: decode(response, as: Empty.self)
    }
    return 0
}
