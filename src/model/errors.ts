/** An error the coordinator can act on: its Dutch message is shown as it is (src/main.ts). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
