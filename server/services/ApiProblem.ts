/** An error with an HTTP status and a message meant for the API caller. */
export class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 429,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}
