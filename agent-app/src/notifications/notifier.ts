/** The agent's choices, per browser. Both default on: missing a customer is worse than a beep. */
export interface NotifySettings {
  sound: boolean;
  desktop: boolean;
}

const KEY = 'switchboard.notify';

export function loadNotifySettings(): NotifySettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<NotifySettings>;
    return { sound: stored.sound !== false, desktop: stored.desktop !== false };
  } catch {
    return { sound: true, desktop: true };
  }
}

export function saveNotifySettings(settings: NotifySettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage disabled: the choice lasts for this page.
  }
}

let audio: AudioContext | undefined;

/** A short, soft two-note chime made on the spot (no audio file to load or cache). */
export function playChime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [index, frequency] of [660, 880].entries()) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + index * 0.12;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.3);
    }
  } catch {
    // No audio device or autoplay blocked: the visual cues remain.
  }
}

/** Asks once, from a click (browsers only allow the prompt after a user gesture). */
export async function requestDesktopPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

/** A desktop notification; clicking it brings the desk forward on that chat. */
export function showDesktopNotification(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
