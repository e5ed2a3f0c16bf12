// File names Windows keeps for devices: `CON`, `NUL`, `COM1`… name a device
// in every folder, with any extension and in any case (`nul.pdf` is NUL), so
// an output by such a name cannot be written there (or writes to the device).

const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Whether `name` (a file name, with or without extension) is a Windows device name. */
export function isWindowsReservedName(name: string): boolean {
  // Windows ignores trailing spaces and dots, and everything from the first dot on.
  const base = name.split('.')[0]!.replace(/[ .]+$/, '');
  return reserved.test(base);
}
