"""A loopback HTTPS proxy (HTTP CONNECT) that sends every tunnel to one emulator port.

cvmsh and the SDKs reach the default hosts (`cvm.ap-tokyo.tencentcloudapi.com`, ...) through
`HTTPS_PROXY`, as users behind a company proxy do; the proxy ignores the host it is asked for
and connects to the emulator, which tells the access points apart by the request's Host header
(TLS is end to end: the emulator's certificate names the hosts, its CA is in SSL_CERT_FILE).
Run as `python3 connect_proxy.py LISTEN_PORT TARGET_PORT`; it prints `ready` when listening.
"""

import asyncio
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def tunnel(client_reader, client_writer, target_port):
    try:
        request = await client_reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        client_writer.close()
        return
    if not request.startswith(b"CONNECT "):
        client_writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
        client_writer.close()
        return
    upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", target_port)
    client_writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
    await client_writer.drain()
    await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))


async def main(listen_port, target_port):
    server = await asyncio.start_server(
        lambda r, w: tunnel(r, w, target_port), "127.0.0.1", listen_port, backlog=512)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
