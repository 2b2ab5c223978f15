/**
 * The load generator's HTTP/1.1 client: one kept-alive connection per simulated client, one request at a
 * time, the request written in one piece and the answer read by its `content-length`. It speaks to the
 * server as any client does (the server sees ordinary requests: cookie, CSRF header, JSON body); it only
 * skips what a general client spends on every request — request and response objects, header
 * validation, an agent's socket pool, stream machinery — because it runs on the same two cores as the
 * server and PostgreSQL, as pgbench (a lean C client) does in the run it is compared with. Answers the
 * server sends in chunks are not understood (the API's JSON answers carry their length).
 */
import net from 'node:net';

export interface Answer {
  status: number;
  body: any;
}

export class Connection {
  readonly #socket: net.Socket;
  readonly #host: string;
  #buffer: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;

  constructor(port: number, host = '127.0.0.1') {
    this.#host = `${host}:${port}`;
    this.#socket = net.connect(port, host);
    this.#socket.setNoDelay(true);
    this.#socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#answer();
    });
    const fail = (error: Error) => {
      const waiting = this.#waiting;
      this.#waiting = null;
      waiting?.reject(error);
    };
    this.#socket.on('error', fail);
    this.#socket.on('close', () => fail(new Error('connection closed')));
  }

  /** POST `body` as JSON with the given headers (each `name: value`), and read the answer. */
  post(path: string, body: unknown, headers: string): Promise<Answer> {
    if (this.#waiting) return Promise.reject(new Error('one request at a time'));
    const data = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      // head and body in one write
      this.#socket.cork();
      this.#socket.write(`POST ${path} HTTP/1.1\r\nhost: ${this.#host}\r\ncontent-type: application/json\r\ncontent-length: ${data.length}\r\n${headers}\r\n`);
      this.#socket.write(data);
      this.#socket.uncork();
    });
  }

  #answer() {
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.#buffer.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.#socket.destroy(new Error(`an answer without content-length: ${head.split('\r\n')[0]}`));
      return;
    }
    const stop = end + 4 + Number(length[1]);
    if (this.#buffer.length < stop) return;
    const text = this.#buffer.toString('utf8', end + 4, stop);
    this.#buffer = this.#buffer.subarray(stop);
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.resolve({ status: Number(head.slice(9, 12)), body: text ? JSON.parse(text) : null });
  }

  close(): void {
    this.#socket.destroy();
  }
}
