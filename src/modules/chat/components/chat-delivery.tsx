"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLiveSignal } from "@/modules/realtime/components/realtime-provider";
import { useTRPC } from "@/trpc/react";

/**
 * Mounted once in the staff shell: tells the server that this person's app has received their
 * messages (senders then see "Dostarczono") when the app loads and whenever a chat signal arrives.
 */
export function ChatDelivery() {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.chat.markDelivered.mutationOptions());
  useEffect(() => mutate(), [mutate]);
  useLiveSignal(["chat"], () => mutate(), 500);
  return null;
}
