using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeHarbor.Infrastructure.Web;

namespace SafeHarbor.Features.Shared;

/// <summary>The friendly error page: what happened in plain Chinese and a request number; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>HttpContext item with the reason a page refused the user (a 403 raised by a rule), shown instead of the generic text.</summary>

    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string RequestId { get; private set; } = "";

    // The code is read from the address the status-code page put it in: a re-executed form post carries the refused
    // form along, and model binding of a parameter would look there first (a NUL in it loses the code).
    public void OnGet() => Describe(QueryCode());

    public void OnPost() => Describe(QueryCode());

    private int? QueryCode() => int.TryParse(Request.Query["code"], out var code) ? code : null;

    private void Describe(int? code)
    {
        Code = code ?? 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Message) = Code switch
        {
            404 => ("找不到页面", "您要找的页面或案件不存在，或不在您的查看范围内。"),
            403 => ("无权访问", HttpContext.Items[DomainExceptionPageFilter.RefusalReasonKey] as string ?? "您当前的角色不能使用这个页面。"),
            400 => ("请求有误", HttpContext.Items[DomainExceptionPageFilter.RefusalReasonKey] as string ?? "提交的内容无法处理，请返回重新填写。"),
            429 => ("请求过于频繁", HttpContext.Items[RateLimits.RefusalKey] as string ?? "请求过于频繁，请稍后再试。"),
            _ => ("系统出错了", "系统处理时发生错误，您的操作没有完成，数据未做任何修改。请稍后重试；如果问题持续，请把请求编号告诉系统管理员。"),
        };
        if (code is not null)
        {
            Response.StatusCode = Code;
        }
    }
}
