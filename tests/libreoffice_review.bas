REM A reviewer's session in LibreOffice Writer, run headless by tests/libreoffice_review.py.
REM
REM The document is loaded as a model without a view (com.sun.star.text.TextDocument + load):
REM with a view, inserting a comment makes LibreOffice open the comment's window, whose .ui file
REM the -nogui packages lack, and soffice aborts. Without a view findFirst finds nothing, so the
REM edits look for their words paragraph by paragraph. Any Basic error (compile or run time) in a
REM headless soffice opens a dialog nobody closes, so every error is caught and written to the
REM status file; the Python side runs soffice under a timeout all the same.
REM
REM The Python side puts its parameters in place of the @...@ names and the edits in place of
REM the line that names EDITS (calls to Edit, one per edit).

Function Prop(sName As String, vValue) As com.sun.star.beans.PropertyValue
  Dim p As New com.sun.star.beans.PropertyValue
  p.Name = sName
  p.Value = vValue
  Prop = p
End Function

Sub Say(sText As String)
  Dim n As Integer
  n = FreeFile()
  Open "@STATUS@" For Output As #n
  Print #n, sText
  Close #n
End Sub

REM The reviewer's name on tracked changes comes from the user profile, as in the dialog
REM Tools > Options > LibreOffice > User Data.
Sub SetAuthor(sGiven As String, sSurname As String)
  Dim oProvider, oAccess
  oProvider = createUnoService("com.sun.star.configuration.ConfigurationProvider")
  oAccess = oProvider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", _
    Array(Prop("nodepath", "/org.openoffice.UserProfile/Data")))
  oAccess.setPropertyValue("givenname", sGiven)
  oAccess.setPropertyValue("sn", sSurname)
  oAccess.commitChanges()
End Sub

REM A cursor over sNeedle in the first paragraph of oText that holds it, or Null.
Function Locate(oText, sNeedle As String)
  Dim oParas, oPara, nAt As Long, oCursor
  Locate = Null
  oParas = oText.createEnumeration()
  Do While oParas.hasMoreElements()
    oPara = oParas.nextElement()
    If oPara.supportsService("com.sun.star.text.Paragraph") Then
      nAt = InStr(1, oPara.getString(), sNeedle, 0)
      If nAt > 0 Then
        oCursor = oText.createTextCursorByRange(oPara.getStart())
        oCursor.goRight(nAt - 1, False)
        oCursor.goRight(Len(sNeedle), True)
        If oCursor.getString() = sNeedle Then
          Locate = oCursor
          Exit Function
        End If
      End If
    End If
  Loop
End Function

REM Where: "body" or "footnote" (every footnote in turn). What: "replace", "delete" or "comment".
Function Edit(oDoc, sWhere As String, sWhat As String, sNeedle As String, sValue As String) As Boolean
  Dim oRange, i As Integer
  oRange = Null
  If sWhere = "body" Then
    oRange = Locate(oDoc.getText(), sNeedle)
  Else
    For i = 0 To oDoc.getFootnotes().getCount() - 1
      If IsNull(oRange) Then oRange = Locate(oDoc.getFootnotes().getByIndex(i), sNeedle)
    Next i
  End If
  If IsNull(oRange) Then
    Say("not found in " & sWhere & ": " & sNeedle)
    Edit = False
    Exit Function
  End If
  If sWhat = "replace" Then
    oRange.setString(sValue)
  ElseIf sWhat = "delete" Then
    oRange.setString("")
  Else
    Dim oNote, oWhen As New com.sun.star.util.DateTime
    oWhen.Year = @YEAR@
    oWhen.Month = @MONTH@
    oWhen.Day = @DAY@
    oWhen.Hours = 10
    oNote = oDoc.createInstance("com.sun.star.text.TextField.Annotation")
    oNote.Author = "@AUTHOR@"
    oNote.Initials = "@INITIALS@"
    oNote.DateTimeValue = oWhen
    oNote.Content = sValue
    oRange.getText().insertTextContent(oRange, oNote, True)
  End If
  Edit = True
End Function

Sub Review
  Dim oDoc, sStep As String
  On Error GoTo Fail
  sStep = "author"
  SetAuthor("@GIVEN@", "@SURNAME@")
  sStep = "load"
  oDoc = createUnoService("com.sun.star.text.TextDocument")
  oDoc.load(Array(Prop("URL", "@SOURCE@"), Prop("FilterName", "MS Word 2007 XML")))
  oDoc.RecordChanges = True
  sStep = "edits"
  REM EDITS
  sStep = "store"
  oDoc.storeToURL("@TARGET@", Array(Prop("FilterName", "MS Word 2007 XML")))
  oDoc.close(True)
  Say("ok")
  Exit Sub
Failed:
  On Error Resume Next
  oDoc.close(True)
  Exit Sub
Fail:
  Say("error in " & sStep & ": " & Err & " " & Error$ & " (line " & Erl & ")")
  Resume Failed
End Sub
