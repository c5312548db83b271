import { useCallback, useEffect, useState } from 'react';

interface Tabs {
  open: string[];
  active: string | undefined;
}

/**
 * Which chats are open as tabs and which one is in front, per agent, kept in
 * localStorage so a reload puts the agent back exactly where they were.
 * Chats that left the desk are pruned by `retain`.
 */
export function useTabs(agentId: string) {
  const key = `switchboard.tabs.${agentId}`;
  const [tabs, setTabs] = useState<Tabs>(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Tabs | null;
      if (stored && Array.isArray(stored.open))
        return { open: stored.open.filter((id) => typeof id === 'string'), active: stored.active };
    } catch {
      // Corrupt value: start with no tabs.
    }
    return { open: [], active: undefined };
  });

  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(tabs));
    } catch {
      // Storage disabled: tabs last for this page only.
    }
  }, [key, tabs]);

  const activate = useCallback((id: string) => {
    setTabs((current) => ({ open: current.open.includes(id) ? current.open : [...current.open, id], active: id }));
  }, []);

  const closeTab = useCallback((id: string) => {
    setTabs((current) => {
      const index = current.open.indexOf(id);
      const open = current.open.filter((other) => other !== id);
      const active = current.active === id ? (open[Math.min(index, open.length - 1)] ?? undefined) : current.active;
      return { open, active };
    });
  }, []);

  /** Keeps only the chats still on the desk (call once the desk has its conversations). */
  const retain = useCallback((ids: readonly string[]) => {
    setTabs((current) => {
      const open = current.open.filter((id) => ids.includes(id));
      const active = current.active !== undefined && ids.includes(current.active) ? current.active : open[0];
      return open.length === current.open.length && active === current.active ? current : { open, active };
    });
  }, []);

  return { ...tabs, activate, closeTab, retain };
}
