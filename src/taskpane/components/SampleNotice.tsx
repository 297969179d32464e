import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** The notice that must accompany synthetic data wherever it is shown. */
export function SampleNotice({ text }: { text: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
