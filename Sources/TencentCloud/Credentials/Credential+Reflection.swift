/// `dump`, debuggers and test failure output show only the masked id: the key and token stay hidden.
extension Credential: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["secretId": maskedId, "temporary": token != nil, "expiration": expiration as Any],
            displayStyle: .struct)
    }
}
