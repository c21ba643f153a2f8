/** Where the projector says what happened; the apps bind pino behind it. */
export interface ProjectorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: ProjectorLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The default until the apps bind one: JSON lines on standard error, so failures are never silent. */
export const stderrLogger: ProjectorLogger = {
  info: (message, fields) => write('info', message, fields),
  warn: (message, fields) => write('warn', message, fields),
  error: (message, fields) => write('error', message, fields),
};

const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })}\n`);
};
