import { createContext, useContext } from 'react';

/**
 * How the desk's top bar opens the console: provided by App for supervisors
 * and admins only, so an agent's top bar never shows the button.
 */
export const ConsoleSwitchContext = createContext<(() => void) | null>(null);

export const useOpenConsole = (): (() => void) | null => useContext(ConsoleSwitchContext);
