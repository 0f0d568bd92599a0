import CVMEmulator

/// Runs `body` against an in-process emulator started with `options`, and stops the emulator
/// when `body` returns or throws: no server is left running after a failed test.
public func withEmulator<T>(
    _ options: EmulatorOptions = EmulatorOptions(), _ body: (Emulator) async throws -> T
) async throws -> T {
    let emulator = try await Emulator.start(options)
    do {
        let result = try await body(emulator)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}
