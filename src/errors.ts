/**
 * A mistake in what the person typed. The message says what was wrong in plain words;
 * the example is a command that works. Nothing is stored when one is thrown.
 */
export class UserError extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly example?: string,
    readonly choices?: string[],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The database file could not be read or is not valid: start-up must stop and leave it alone. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `peerbot cannot start: the data file ${file} ${detail}\nThe file was not changed. Fix it or restore a backup, then start again.`,
    );
    this.name = 'StoreError';
  }
}

/** A data file a collaborative edits (program, policy) is not valid. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `field "${field}" ` : ''}${detail}`);
    this.name = 'DataFileError';
  }
}

/**
 * A change could not be written (disk full, folder not writable, database down). Nothing was
 * saved, in memory or on disk; the person is told so and can try again.
 */
export class StoreWriteError extends Error {
  constructor(
    readonly where: string,
    readonly cause: Error,
  ) {
    super(`could not write ${where}: ${cause.message}`);
    this.name = 'StoreWriteError';
  }
}
